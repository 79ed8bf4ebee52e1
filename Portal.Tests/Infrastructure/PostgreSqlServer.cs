using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL suites run on: its connection string comes from <c>CHANNELS_TEST_POSTGRES</c>
/// (<c>scripts/test.sh</c> starts a private cluster and sets it). Each portal or database under test gets databases of its
/// own, named <c>t_&lt;guid&gt;</c> (created by the portal's own migration at start-up), and drops them when disposed, so suites and parallel test runs never meet. A run
/// that did not filter these suites out (<c>--filter "Database!=PostgreSql"</c>) and has no server fails, loudly.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "CHANNELS_TEST_POSTGRES";

    /// <summary>The trait every PostgreSQL suite carries: <c>[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]</c>.</summary>
    public const string Trait = "Database";

    public const string Name = "PostgreSql";

    /// <summary>The server's connection string (to its maintenance database).</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"The PostgreSQL suites need a server: set {Variable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres, " +
                    "as scripts/test.sh does after `bash scripts/postgres.sh start`), or leave them out with --filter \"Database!=PostgreSql\".")
                : value;
        }
    }

    /// <summary>A name no other test database has.</summary>
    public static string NewDatabaseName() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>The connection string to one database of the server. Pools are per database, so clearing one never touches another.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ToString();

    /// <summary>Drops a database, ending the connections still open to it (this process's pool for it is cleared first).</summary>
    public static async Task DropDatabaseAsync(string database)
    {
        ClearPool(database);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void ClearPool(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        NpgsqlConnection.ClearPool(connection);
    }

    private static async Task ExecuteAsync(string sql)
    {
        // Database administration never runs inside a transaction or a pooled session of a test database.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
