using Channels.Tools;
using Microsoft.Data.Sqlite;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Scale;

/// <summary>A small synthetic channel (300 agents, 2 000 customers) generated once for a test class.</summary>
public sealed class SmallSyntheticDatabase : IAsyncLifetime, IDisposable
{
    public static readonly DateTime Anchor = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _folder = new();

    public string File => Path.Combine(_folder.Path, "synthetic.db");

    public SyntheticSummary Summary { get; private set; } = null!;

    public static SyntheticSettings Settings(string file, int seed = 7) => new(ToolDatabase.Sqlite(file), 300, 2_000, seed) { Anchor = Anchor, BatchSize = 700 };

    public async Task InitializeAsync() => Summary = await SyntheticSeeder.RunAsync(Settings(File), TextWriter.Null);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public static long Number(SqliteConnection connection, string sql) => Convert.ToInt64(Rows(connection, sql)[0][0], System.Globalization.CultureInfo.InvariantCulture);
}
