using System.Data.Common;

namespace Channels.Tools;

/// <summary>
/// What the tools do differently on each engine, and nothing else: creating an empty database, writing the synthetic
/// rows in bulk, the floor's values and write lock, and a fresh database for a cold start. The generator and the benchmark are
/// written once, against this.
/// </summary>
internal abstract class ToolEngine
{
    /// <summary>The engine's name in reports.</summary>
    public abstract string Name { get; }

    /// <summary>Makes <paramref name="database"/> exist and be empty; an existing one is replaced only with <paramref name="overwrite"/>.</summary>
    public abstract Task CreateEmptyAsync(ToolDatabase database, bool overwrite);

    public abstract Task<bool> ExistsAsync(ToolDatabase database);

    public abstract Task<DbConnection> OpenAsync(string connectionString);

    /// <summary>A writer of the synthetic channel's rows on an open connection, flushed one batch at a time.</summary>
    public abstract SyntheticSink Sink(DbConnection connection);

    /// <summary>A time as the engine compares it with stored times in a hand-written query.</summary>
    public abstract object Time(DateTime value);

    /// <summary>A parameter's value as the engine stores it when EF Core writes it (times, days, money, flags; null as DBNull).</summary>
    public abstract object Value(object? value);

    /// <summary>
    /// Starts the floor's write transaction as every write of the portal starts: holding the channel's one write lock
    /// (BEGIN IMMEDIATE on SQLite; the advisory lock on PostgreSQL).
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection);

    /// <summary>A database no portal has run on yet, for a cold start: its command-line settings, and how to remove it.</summary>
    public abstract Task<(IReadOnlyList<string> Settings, Func<Task> Remove)> FreshAsync(ToolDatabase like);
}
