using Microsoft.Data.Sqlite;

namespace Channels.Tools;

/// <summary>A prepared, parameterized INSERT into one table, run many times inside the caller's transaction.</summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _command = connection.CreateCommand();
        var names = columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
#pragma warning disable CA2100 // Table and column names are the tool's own constants; every value is a parameter.
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100
        _parameters = names.Select(n => _command.Parameters.Add(n, SqliteType.Text)).ToArray();
    }

    public int Rows { get; private set; }

    /// <summary>Enlists the command in <paramref name="transaction"/> (Microsoft.Data.Sqlite requires it per transaction).</summary>
    public void Use(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        if (Rows == 0)
        {
            _command.Prepare();
        }
    }

    public void Add(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            // Stored as EF Core's SQLite provider stores them, so the portal reads raw-inserted rows as its own.
            var value = SqliteEngine.Instance.Value(values[i]);
            _parameters[i].SqliteType = value switch
            {
                int or long => SqliteType.Integer,
                _ => SqliteType.Text,
            };
            _parameters[i].Value = value;
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
