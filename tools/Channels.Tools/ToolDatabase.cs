using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data;

namespace Channels.Tools;

/// <summary>
/// The database a tool works on: a SQLite file (the default, <c>--db</c>) or a PostgreSQL database
/// (<c>--provider postgresql --connection</c>). What differs between the engines lives in <see cref="Engine"/>.
/// </summary>
public sealed record ToolDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>A SQLite file, as the portal would open it (pooled, 30 s busy timeout).</summary>
    public static ToolDatabase Sqlite(string file) => new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(file),
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString());

    public static ToolDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>The file, or the database and its server, for the tools' output.</summary>
    public string Name
    {
        get
        {
            if (Provider != DatabaseProvider.PostgreSql)
            {
                return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            }

            var server = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database {server.Database} on {server.Host}:{server.Port}";
        }
    }

    internal ToolEngine Engine => Provider switch
    {
        DatabaseProvider.Sqlite => SqliteEngine.Instance,
        DatabaseProvider.PostgreSql => PostgreSqlEngine.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(Provider), Provider, "The tools run on SQLite and PostgreSQL."),
    };
}
