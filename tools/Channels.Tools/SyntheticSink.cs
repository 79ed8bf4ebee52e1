using System.Data.Common;

namespace Channels.Tools;

/// <summary>One table's rows of the current batch, with typed values (the sink writes them as its engine stores them).</summary>
internal sealed class SyntheticTable(string name, params string[] columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Columns { get; } = columns;

    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] values) => Rows.Add(values);
}

/// <summary>
/// Writes the generator's batches: each batch in one transaction, its tables in the order given (parents first), so
/// rows reference each other without reading anything back. One writer per engine; one generator of the data.
/// </summary>
internal abstract class SyntheticSink(DbConnection connection) : IDisposable
{
    protected DbConnection Connection { get; } = connection;

    /// <summary>Settings for a bulk load of a new database (no durability needed until it is done).</summary>
    public abstract void Prepare();

    /// <summary>Writes the batch's rows in one transaction and empties the tables.</summary>
    public void Write(params SyntheticTable[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var transaction = Connection.BeginTransaction();
        foreach (var table in tables)
        {
            Write(table, transaction);
            table.Rows.Clear();
        }

        transaction.Commit();
    }

    /// <summary>Afterwards: what a live database would have by now (planner statistics, identity counters past the rows written).</summary>
    public abstract void Finish();

    public virtual void Dispose()
    {
    }

    protected abstract void Write(SyntheticTable table, DbTransaction transaction);

    protected void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own constant statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
