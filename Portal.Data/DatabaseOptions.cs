namespace Portal.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file, relative to the content root unless absolute; created on first run.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Name of the SQLite file inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "channels.db";

    /// <summary>How long a SQLite writer waits for the write lock before giving up.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How often a background worker copies SQLite's write-ahead log into the database file (a passive checkpoint),
    /// so that no request pays for it (ADR 14).
    /// </summary>
    public int CheckpointIntervalMilliseconds { get; set; } = 250;

    /// <summary>Seed the demo data of DESIGN.md §6 into an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;
}
