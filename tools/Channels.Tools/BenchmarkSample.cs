using System.Data;
using System.Data.Common;
using System.Globalization;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Data.Seed;
using Portal.Domain.Customers;
using Portal.Domain.Deals.Registration;

namespace Channels.Tools;

/// <summary>One prepared registration: an active agent's user and a new customer inside that agent's territory.</summary>
internal sealed record PreparedRegistration(CurrentUser User, DealRegistrationInput Input);

/// <summary>
/// What the benchmark works with, read from the database before anything is timed: counts, active agents with their
/// territories (as reseller users), strategic partners, and existing USCCs to look up.
/// </summary>
internal sealed class BenchmarkSample
{
    private long _issued;

    private BenchmarkSample()
    {
    }

    public BenchmarkDataset Dataset { get; private set; } = new(0, 0, 0, 0);

    public long AuditEntries { get; private set; }

    /// <summary>The first organization-code body no customer has yet (the benchmark's new customers count up from it).</summary>
    public long FirstFreeBody { get; private set; }

    public List<(CurrentUser User, List<string> Territory)> Resellers { get; } = [];

    public List<CurrentUser> Partners { get; } = [];

    public List<string> ExistingUsccs { get; } = [];

    public static CurrentUser Manager { get; } = new("bench-manager", SyntheticSeeder.ManagerEmail, "bench", [PortalRoles.ChannelManager], null, null, null);

    // The sample's queries quote every identifier and use @ parameters, so the same text runs on SQLite and PostgreSQL.

    /// <summary>How many registrations the audit trail holds.</summary>
    public const string RegistrationsAudited = "SELECT COUNT(*) FROM \"AuditLog\" WHERE \"Action\" = 'DealRegistered'";

    public static async Task<BenchmarkSample> LoadAsync(DbConnection connection, BenchmarkSettings settings, Random random)
    {
        var sample = new BenchmarkSample
        {
            Dataset = await CountAsync(connection).ConfigureAwait(false),
            AuditEntries = await ScalarAsync(connection, RegistrationsAudited).ConfigureAwait(false),
            FirstFreeBody = Math.Max(80_000_000, 1 + await ScalarAsync(connection, "SELECT COALESCE(MAX(CAST(substr(\"Uscc\", 9, 8) AS BIGINT)), 0) FROM \"Customers\"").ConfigureAwait(false)),
        };

        var active = new Dictionary<int, (string Code, string Tier, List<string> Territory)>();
        await foreach (var row in ReadAsync(connection, "SELECT a.\"Id\", a.\"Code\", a.\"Tier\", t.\"RegionCode\" FROM \"Agents\" a JOIN \"AgentTerritories\" t ON t.\"AgentId\" = a.\"Id\" WHERE a.\"Status\" = 'Active' AND a.\"Tier\" <> 'Strategic' ORDER BY a.\"Id\", t.\"RegionCode\"").ConfigureAwait(false))
        {
            var id = row.GetInt32(0);
            if (!active.TryGetValue(id, out var agent))
            {
                agent = (row.GetString(1), row.GetString(2), []);
                active[id] = agent;
            }

            agent.Territory.Add(row.GetString(3));
        }

        var ids = active.Keys.ToArray();
        random.Shuffle(ids);
        foreach (var id in ids.Take(256))
        {
            var (code, tier, territory) = active[id];
            sample.Resellers.Add((Reseller(id, code, tier), territory));
        }

        await foreach (var row in ReadAsync(connection, "SELECT \"Id\", \"Code\" FROM \"Agents\" WHERE \"Tier\" = 'Strategic' AND \"Status\" = 'Active' ORDER BY \"Id\"").ConfigureAwait(false))
        {
            sample.Partners.Add(Reseller(row.GetInt32(0), row.GetString(1), "Strategic"));
        }

        var maxId = await ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Customers\"").ConfigureAwait(false);
        using var lookup = connection.CreateCommand();
        lookup.CommandText = "SELECT \"Uscc\" FROM \"Customers\" WHERE \"Id\" = @id";
        var parameter = lookup.CreateParameter();
        parameter.ParameterName = "id";
        parameter.DbType = DbType.Int32;
        lookup.Parameters.Add(parameter);
        while (maxId > 0 && sample.ExistingUsccs.Count < settings.Lookups)
        {
            parameter.Value = (int)random.NextInt64(1, maxId + 1);
            if (await lookup.ExecuteScalarAsync().ConfigureAwait(false) is string uscc)
            {
                sample.ExistingUsccs.Add(uscc);
            }
        }

        return sample;
    }

    /// <summary>
    /// <paramref name="count"/> registrations of new customers, spread over the sampled agents, each customer in its
    /// agent's territory, with a USCC and a name nobody has yet, one line at the uniform price.
    /// </summary>
    public List<PreparedRegistration> NewRegistrations(int count, Random random, SyntheticRegions regions, DateTime now) =>
        NewRegistrations(Resellers, count, random, regions, now);

    /// <summary>The same for the given resellers (those given an account, for the API); USCC bodies never repeat.</summary>
    public List<PreparedRegistration> NewRegistrations(IReadOnlyList<(CurrentUser User, List<string> Territory)> resellers, int count, Random random, SyntheticRegions regions, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(resellers);
        if (resellers.Count == 0)
        {
            throw new InvalidOperationException("The database has no active agent to register deals for.");
        }

        var (sku, price) = (DemoData.Products[0].Sku, DemoData.Products[0].UniformPrice);
        var close = DateOnly.FromDateTime(now).AddDays(30);
        var list = new List<PreparedRegistration>(count);
        for (var i = 0; i < count; i++)
        {
            var (user, territory) = resellers[i % resellers.Count];
            var location = regions.LocationInside(random, territory[random.Next(territory.Count)]);
            var body = (FirstFreeBody + _issued++).ToString("D8", CultureInfo.InvariantCulture);
            var uscc = Uscc.Create('9', '1', location, body).Value;
            var name = string.Concat(regions.PlaceOf(location), "基准", body, "科技有限公司");
            list.Add(new PreparedRegistration(user, new DealRegistrationInput(
                new CustomerInput(uscc, name, location, nameof(CustomerSegment.GovernmentEnterprise)),
                [new Portal.Domain.Deals.LineInput(sku, 10, price)],
                close)));
        }

        return list;
    }

    public static async Task<BenchmarkDataset> CountAsync(DbConnection connection) => new(
        await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Agents\"").ConfigureAwait(false),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Customers\"").ConfigureAwait(false),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Deals\"").ConfigureAwait(false),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM \"CustomerProtections\" WHERE \"EndedAt\" IS NULL").ConfigureAwait(false));

    public static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own constant queries.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async IAsyncEnumerable<DbDataReader> ReadAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own constant queries.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            yield return reader;
        }
    }

    private static CurrentUser Reseller(int id, string code, string tier) =>
        new("bench-" + id.ToString(CultureInfo.InvariantCulture), code.ToLowerInvariant() + "@bench.local", code, [PortalRoles.Reseller], id, code, tier);
}
