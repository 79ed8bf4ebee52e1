using System.Data.Common;
using Npgsql;
using Portal.Data;

namespace Channels.Tools;

/// <summary>
/// PostgreSQL: a database on a server, created and dropped through the server's <c>postgres</c> database; rows written
/// by binary COPY; the write lock is the portal's advisory lock (<see cref="ChannelWriteLock"/>).
/// </summary>
internal sealed class PostgreSqlEngine : ToolEngine
{
    public static readonly PostgreSqlEngine Instance = new();

    public override string Name => "PostgreSQL";

    public override async Task CreateEmptyAsync(ToolDatabase database, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(database);
        var name = DatabaseName(database);
        if (await ExistsAsync(database).ConfigureAwait(false))
        {
            if (!overwrite)
            {
                throw new ArgumentException($"The PostgreSQL database {name} exists; pass --overwrite yes to replace it.");
            }

            await DropAsync(database.ConnectionString).ConfigureAwait(false);
        }

        await OnServerAsync(database.ConnectionString, $"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
    }

    public override async Task<bool> ExistsAsync(ToolDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = await ServerAsync(database.ConnectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("name", DatabaseName(database));
                return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! > 0;
            }
        }
    }

    public override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    public override SyntheticSink Sink(DbConnection connection) => new Writer((NpgsqlConnection)connection);

    public override object Time(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public override object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time => Time(time),
        var other => other,
    };

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var command = new NpgsqlCommand(ChannelWriteLock.Sql(Portal.Data.DatabaseProvider.PostgreSql), (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return transaction;
    }

    public override async Task<(IReadOnlyList<string> Settings, Func<Task> Remove)> FreshAsync(ToolDatabase like)
    {
        ArgumentNullException.ThrowIfNull(like);
        var connectionString = new NpgsqlConnectionStringBuilder(like.ConnectionString) { Database = "bench_cold_" + Guid.NewGuid().ToString("N") }.ToString();
        await CreateEmptyAsync(ToolDatabase.PostgreSql(connectionString), overwrite: false).ConfigureAwait(false);
        return (
            ["--Database:Provider=PostgreSql", "--ConnectionStrings:PostgreSql=" + connectionString],
            () => DropAsync(connectionString));
    }

    /// <summary>Drops the database, closing the sessions still on it (this process's pool and any other).</summary>
    public static async Task DropAsync(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await OnServerAsync(connectionString, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)").ConfigureAwait(false);
    }

    private static string DatabaseName(ToolDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString).Database is { Length: > 0 } name && !name.Contains('"', StringComparison.Ordinal)
            ? name
            : throw new ArgumentException("The PostgreSQL connection string needs a Database (without double quotes).");

    /// <summary>A connection to the same server's <c>postgres</c> database, where databases are created and dropped.</summary>
    private static async Task<NpgsqlConnection> ServerAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    private static async Task OnServerAsync(string connectionString, string sql)
    {
        var connection = await ServerAsync(connectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // The tool's own statements; the database name is checked to hold no double quote.
            var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Binary COPY, one per table and batch, each value written as its column's type.</summary>
    private sealed class Writer(NpgsqlConnection connection) : SyntheticSink(connection)
    {
        private readonly Dictionary<string, Dictionary<string, string>> _types = new(StringComparer.Ordinal);

        public override void Prepare() => Execute("SET synchronous_commit = off");

        /// <summary>
        /// Identity counters moved past the ids written (COPY leaves them at 1, and the portal's next insert would
        /// collide), then planner statistics.
        /// </summary>
        public override void Finish() => Execute("""
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP
                EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT MAX(%I) FROM %I), 0) + 1, false)',
                  quote_ident(r.table_name), r.column_name, r.column_name, r.table_name);
              END LOOP;
            END $$;
            ANALYZE;
            """);

        protected override void Write(SyntheticTable table, DbTransaction transaction)
        {
            var types = Types(table.Name);
            var columns = table.Columns.Select(c => types[c]).ToArray();
            using var import = ((NpgsqlConnection)Connection).BeginBinaryImport(
                $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in table.Rows)
            {
                import.StartRow();
                for (var i = 0; i < columns.Length; i++)
                {
                    WriteValue(import, row[i], columns[i]);
                }
            }

            import.Complete();
        }

        private static void WriteValue(NpgsqlBinaryImporter import, object? value, string type)
        {
            switch (value)
            {
                case null: import.WriteNull(); break;
                case int number: import.Write(number, type); break;
                case long number: import.Write(number, type); break;
                case bool flag: import.Write(flag, type); break;
                case decimal money: import.Write(money, type); break;
                case DateTime time: import.Write(DateTime.SpecifyKind(time, DateTimeKind.Utc), type); break;
                case DateOnly day: import.Write(day, type); break;
                case string text: import.Write(text, type); break;
                default: throw new InvalidOperationException($"No PostgreSQL type for a {value.GetType().Name}.");
            }
        }

        /// <summary>The table's columns and their PostgreSQL type names (as the migrations made them).</summary>
        private Dictionary<string, string> Types(string table)
        {
            if (_types.TryGetValue(table, out var known))
            {
                return known;
            }

            using var command = new NpgsqlCommand(
                "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                (NpgsqlConnection)Connection);
            command.Parameters.AddWithValue("table", $"\"{table}\"");
            using var reader = command.ExecuteReader();
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }

            _types[table] = types;
            return types;
        }
    }
}
