using System.Data.Common;
using Microsoft.Data.Sqlite;
using Portal.Data;

namespace Channels.Tools;

/// <summary>SQLite: a file; rows written with prepared INSERTs; the write lock is BEGIN IMMEDIATE.</summary>
internal sealed class SqliteEngine : ToolEngine
{
    public static readonly SqliteEngine Instance = new();

    // The portal's own per-connection pragmas (busy timeout, synchronous, foreign keys, checkpoint backstop).
    private static readonly string Pragmas = SqlitePragmas.Sql(new DatabaseOptions().BusyTimeoutSeconds);

    public override string Name => "SQLite";

    public override Task CreateEmptyAsync(ToolDatabase database, bool overwrite)
    {
        var file = FileOf(database);
        if (File.Exists(file) && !overwrite)
        {
            throw new ArgumentException($"{file} exists; pass --overwrite yes to replace it.");
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public override Task<bool> ExistsAsync(ToolDatabase database) => Task.FromResult(File.Exists(FileOf(database)));

    /// <summary>A pooled connection with the pragmas the portal sets on each of its own.</summary>
    public override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync().ConfigureAwait(false);
        return connection;
    }

    public override SyntheticSink Sink(DbConnection connection) => new Writer((SqliteConnection)connection);

    public override object Time(DateTime value) => SqliteText.Time(value);

    /// <summary>Stored as EF Core's SQLite provider stores them, so the portal reads hand-written rows as its own.</summary>
    public override object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time => SqliteText.Time(time),
        DateOnly day => SqliteText.Day(day),
        decimal money => SqliteText.Money(money),
        bool flag => flag ? 1 : 0,
        var other => other,
    };

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task<(IReadOnlyList<string> Settings, Func<Task> Remove)> FreshAsync(ToolDatabase like)
    {
        var folder = Directory.CreateTempSubdirectory("channels-cold-start-");
        return Task.FromResult<(IReadOnlyList<string>, Func<Task>)>((
            ["--Database:DataDirectory=" + folder.FullName],
            () =>
            {
                folder.Delete(recursive: true);
                return Task.CompletedTask;
            }));
    }

    private static string FileOf(ToolDatabase database) => Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);

    /// <summary>Prepared, parameterized INSERTs, one per table, in large transactions.</summary>
    private sealed class Writer(SqliteConnection connection) : SyntheticSink(connection)
    {
        private readonly Dictionary<string, BulkInsert> _inserts = new(StringComparer.Ordinal);

        public override void Prepare() => Execute("PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

        /// <summary>Fresh planner statistics, as <c>PRAGMA optimize</c> would gather them over time on a live database.</summary>
        public override void Finish() => Execute("PRAGMA foreign_keys = ON; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");

        public override void Dispose()
        {
            foreach (var insert in _inserts.Values)
            {
                insert.Dispose();
            }

            SqliteConnection.ClearPool((SqliteConnection)Connection);
            base.Dispose();
        }

        protected override void Write(SyntheticTable table, DbTransaction transaction)
        {
            if (!_inserts.TryGetValue(table.Name, out var insert))
            {
                insert = new BulkInsert((SqliteConnection)Connection, table.Name, [.. table.Columns]);
                _inserts[table.Name] = insert;
            }

            insert.Use((SqliteTransaction)transaction);
            foreach (var row in table.Rows)
            {
                insert.Add(row);
            }
        }
    }
}
