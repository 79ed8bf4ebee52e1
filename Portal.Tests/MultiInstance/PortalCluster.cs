using System.Globalization;
using Npgsql;

namespace Portal.Tests.MultiInstance;

/// <summary>
/// Production in miniature: two portal processes, A and B, on one PostgreSQL database of their own (<c>mi_&lt;guid&gt;</c>,
/// dropped afterwards) behind nginx with sticky sessions. A starts first and migrates and seeds the empty database;
/// B starts once A is ready. Every child process is killed on dispose, whatever happened.
/// </summary>
public sealed class PortalCluster : IAsyncDisposable
{
    /// <summary>The background job's interval the cluster runs with (seconds), short so a test sees several runs.</summary>
    public const int ExpiryIntervalSeconds = 2;

    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(4);
    private readonly List<IDisposable> _children = [];

    private PortalCluster(string serverConnectionString, string database)
    {
        ServerConnectionString = serverConnectionString;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false }.ConnectionString;
    }

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    /// <summary>The database the instances share, for the test's own reads.</summary>
    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    private string Database { get; }

    /// <summary>The server the tests may create databases on: <c>CHANNELS_TEST_POSTGRES</c> (scripts/test.sh sets it).</summary>
    public static string Server =>
        Environment.GetEnvironmentVariable("CHANNELS_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("CHANNELS_TEST_POSTGRES is not set: the two-instance tests need a PostgreSQL server (scripts/test.sh starts one).");

    public static async Task<PortalCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new PortalCluster(Server, "mi_" + Guid.NewGuid().ToString("N"));
        try
        {
            await cluster.StartChildrenAsync(settings ?? new Dictionary<string, string>());
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The instance whose address nginx reported in <see cref="NginxProxy.UpstreamHeader"/>.</summary>
    public PortalProcess InstanceAt(string? upstreamAddress)
    {
        // After a failover nginx lists every address it tried ("a, b"): the last one answered.
        var answered = upstreamAddress?.Split(',').Last().Trim();
        return new[] { A, B }.SingleOrDefault(i => answered == $"127.0.0.1:{i.Port}")
            ?? throw new InvalidOperationException($"No instance at {upstreamAddress}.");
    }

    public PortalProcess Other(PortalProcess instance) => instance == A ? B : A;

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Polls the expiry job's lease row until <paramref name="condition"/> holds (30 job intervals at most).</summary>
    public async Task<Lease> LeaseWhenAsync(Func<Lease, bool> condition)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var within = TimeSpan.FromSeconds(30 * ExpiryIntervalSeconds);
        Lease? lease = null;
        while (deadline.Elapsed < within)
        {
            lease = await ReadLeaseAsync();
            if (lease is not null && condition(lease))
            {
                return lease;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The expiry lease did not get there within {within}: {lease}\n{Output}");
    }

    private async Task<Lease?> ReadLeaseAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Holder", "Runs", "LastRunAt", "AcquiredAt", "ExpiresAt" FROM "BackgroundLeases" WHERE "Name" = 'expiry'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Lease(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? DateTime.MinValue : reader.GetDateTime(2), reader.GetDateTime(3), reader.GetDateTime(4))
            : null;
    }

    /// <summary>What every child said, for a failure's message.</summary>
    public string Output => string.Join("\n\n", new[] { ("A", A?.Output), ("B", B?.Output), ("nginx", Proxy?.Output) }.Select(o => $"--- {o.Item1} ---\n{o.Item2}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var child in Enumerable.Reverse(_children))
        {
            child.Dispose();
        }

        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task StartChildrenAsync(IReadOnlyDictionary<string, string> extra)
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString,
            ["Operations:ExpiryIntervalSeconds"] = ExpiryIntervalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Protection:MaxActiveRegistrations"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        A = Started(await PortalProcess.StartAsync("A", settings));
        await A.WaitUntilReadyAsync(StartWithin);
        B = Started(await PortalProcess.StartAsync("B", settings));
        await B.WaitUntilReadyAsync(StartWithin);
        Proxy = Started(NginxProxy.Start([A, B]));
        await Proxy.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    private T Started<T>(T child)
        where T : IDisposable
    {
        _children.Add(child);
        return child;
    }
}

/// <summary>The expiry job's row in <c>BackgroundLeases</c>, as the test reads it.</summary>
public sealed record Lease(string Holder, long Runs, DateTime LastRunAt, DateTime AcquiredAt, DateTime ExpiresAt);
