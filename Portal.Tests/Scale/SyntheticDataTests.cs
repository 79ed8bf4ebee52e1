using Channels.Tools;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Regions;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Scale.SmallSyntheticDatabase;

namespace Portal.Tests.Scale;

/// <summary>The synthetic generator's output obeys the channel's rules (issue 6).</summary>
public sealed class SyntheticDataTests(SmallSyntheticDatabase database) : IClassFixture<SmallSyntheticDatabase>
{
    [Fact]
    public void It_has_the_requested_size_the_regions_and_the_catalog()
    {
        using var connection = database.Open();
        Assert.Equal(300, Number(connection, "SELECT COUNT(*) FROM Agents"));
        Assert.Equal(2_000, Number(connection, "SELECT COUNT(*) FROM Customers"));
        Assert.Equal(Portal.Data.Seed.RegionFile.Load().Count, Number(connection, "SELECT COUNT(*) FROM Regions"));
        Assert.Equal(Portal.Data.Seed.DemoData.Products.Count, Number(connection, "SELECT COUNT(*) FROM Products"));
        Assert.True(Number(connection, "SELECT COUNT(*) FROM Deals") > 0);
        Assert.True(Number(connection, "SELECT COUNT(*) FROM SalesReports") > 0);
        Assert.Empty(Rows(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(database.Summary.Deals, Number(connection, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public void Every_uscc_is_valid_and_every_name_is_normalized()
    {
        using var connection = database.Open();
        foreach (var row in Rows(connection, "SELECT Uscc, LegalName, NormalizedName, RegionCode, CityCode FROM Customers"))
        {
            Assert.Null(Uscc.Validate((string)row[0]));
            Assert.Equal(CustomerName.Normalize((string)row[1]), row[2]);
            var region = RegionCode.Parse((string)row[3]);
            Assert.NotEqual(RegionLevel.Province, region.Level);
            Assert.Equal(region.City!.Value.Value, row[4]);
        }

        foreach (var row in Rows(connection, "SELECT Uscc FROM Agents"))
        {
            Assert.Null(Uscc.Validate((string)row[0]));
        }
    }

    [Fact]
    public void Recruiters_are_of_the_right_tier_and_territories_lie_inside_the_parents()
    {
        using var connection = database.Open();
        var tiers = Rows(connection, "SELECT Id, Tier, ParentId FROM Agents").ToDictionary(r => (long)r[0], r => (Tier: Enum.Parse<AgentTier>((string)r[1]), Parent: r[2] as long?));
        var territory = Rows(connection, "SELECT AgentId, RegionCode FROM AgentTerritories")
            .GroupBy(r => (long)r[0])
            .ToDictionary(g => g.Key, g => g.Select(r => RegionCode.Parse((string)r[1])).ToList());

        Assert.Contains(tiers.Values, a => a.Tier == AgentTier.Strategic);
        Assert.Contains(tiers.Values, a => a.Tier == AgentTier.Tier2);
        foreach (var (id, agent) in tiers)
        {
            Assert.True(territory.ContainsKey(id), $"agent {id} has no territory");
            if (agent.Parent is not { } parentId)
            {
                Assert.Equal(AgentTier.Strategic, agent.Tier);
                continue;
            }

            var parent = tiers[parentId];
            Assert.True(parent.Tier.MayRecruit(), $"agent {id}'s parent is {parent.Tier}");
            Assert.True(agent.Tier.IsBelow(parent.Tier), $"agent {id} ({agent.Tier}) is not below its parent ({parent.Tier})");
            Assert.True(Territory.IsWithin(territory[id], territory[parentId]), $"agent {id}'s territory is not inside its parent's");
        }
    }

    [Fact]
    public void About_half_the_customers_are_protected_once_by_an_active_agent_covering_them()
    {
        using var connection = database.Open();
        Assert.Empty(Rows(connection, "SELECT CustomerId FROM CustomerProtections WHERE EndedAt IS NULL GROUP BY CustomerId HAVING COUNT(*) > 1"));
        var open = Rows(connection, """
            SELECT c.RegionCode, a.Status, (SELECT group_concat(t.RegionCode) FROM AgentTerritories t WHERE t.AgentId = a.Id), p.Until, p.Since
            FROM CustomerProtections p JOIN Customers c ON c.Id = p.CustomerId JOIN Agents a ON a.Id = p.AgentId
            WHERE p.EndedAt IS NULL
            """);
        Assert.InRange(open.Count, 2_000 * 35 / 100, 2_000 * 60 / 100);
        Assert.Equal(database.Summary.Protections, open.Count);
        foreach (var row in open)
        {
            Assert.Equal(nameof(ContractStatus.Active), row[1]);
            var covers = ((string)row[2]).Split(',').Select(RegionCode.Parse);
            Assert.True(Territory.Covers(covers, RegionCode.Parse((string)row[0])));
            Assert.True(string.CompareOrdinal((string)row[3], "2026-11-25") > 0, "an open protection is in force after the anchor day");
            Assert.True(string.CompareOrdinal((string)row[4], (string)row[3]) < 0);
        }
    }

    [Fact]
    public void The_closure_table_matches_the_parents()
    {
        using var connection = database.Open();
        var parents = Rows(connection, "SELECT Id, ParentId FROM Agents").ToDictionary(r => (long)r[0], r => r[1] as long?);
        var expected = new HashSet<(long, long, long)>();
        foreach (var id in parents.Keys)
        {
            long depth = 0;
            for (long? ancestor = id; ancestor is { } a; ancestor = parents[a], depth++)
            {
                expected.Add((a, id, depth));
            }
        }

        var actual = Rows(connection, "SELECT AncestorId, DescendantId, Depth FROM AgentLinks").Select(r => ((long)r[0], (long)r[1], (long)r[2])).ToHashSet();
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.SetEquals(actual));
        Assert.Equal(database.Summary.Links, actual.Count);
    }

    [Fact]
    public void Deals_sales_and_protections_agree()
    {
        using var connection = database.Open();

        // Every open protection comes from an approved or won deal of the same agent and customer.
        Assert.Equal(0, Number(connection, """
            SELECT COUNT(*) FROM CustomerProtections p JOIN Deals d ON d.Id = p.DealId
            WHERE p.EndedAt IS NULL AND (d.AgentId <> p.AgentId OR d.CustomerId <> p.CustomerId OR d.Status NOT IN ('Approved', 'Won'))
            """));

        // Each sale belongs to a won deal; each won deal has its sale and a sale-based protection.
        Assert.Equal(Number(connection, "SELECT COUNT(*) FROM Deals WHERE Status = 'Won'"), Number(connection, "SELECT COUNT(*) FROM SalesReports s JOIN Deals d ON d.Id = s.DealId WHERE d.Status = 'Won'"));
        Assert.Equal(Number(connection, "SELECT COUNT(*) FROM SalesReports"), Number(connection, "SELECT COUNT(*) FROM CustomerProtections WHERE Basis = 'Sale' AND EndedAt IS NULL"));
        Assert.Equal(Number(connection, "SELECT COUNT(*) FROM Deals"), Number(connection, "SELECT COUNT(DISTINCT DealId) FROM DealLines"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_channel()
    {
        using var folder = new TempDirectory();
        var again = Path.Combine(folder.Path, "again.db");
        await SyntheticSeeder.RunAsync(Settings(again), TextWriter.Null);
        const string Fingerprint = "SELECT group_concat(Uscc || LegalName || RegionCode, '|') FROM (SELECT * FROM Customers ORDER BY Id)";
        const string Hierarchy = "SELECT group_concat(Code || Tier || COALESCE(ParentId, '') || Status, '|') FROM (SELECT * FROM Agents ORDER BY Id)";
        using var first = database.Open();
        using var second = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={again};Pooling=False");
        second.Open();
        Assert.Equal(Rows(first, Fingerprint)[0][0], Rows(second, Fingerprint)[0][0]);
        Assert.Equal(Rows(first, Hierarchy)[0][0], Rows(second, Hierarchy)[0][0]);
    }

    [Fact]
    public async Task An_existing_database_is_not_replaced_unless_asked()
    {
        var before = File.GetLastWriteTimeUtc(database.File);
        await Assert.ThrowsAsync<ArgumentException>(() => SyntheticSeeder.RunAsync(Settings(database.File), TextWriter.Null));
        Assert.Equal(before, File.GetLastWriteTimeUtc(database.File));
        using var error = new StringWriter();
        Assert.Equal(ToolCommands.UsageError, await ToolCommands.RunAsync(["seed-synthetic", "--db", database.File], TextWriter.Null, error));
        Assert.Contains("--overwrite yes", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(database.File));
    }
}
