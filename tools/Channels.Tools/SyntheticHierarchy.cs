using System.Globalization;
using Portal.Domain.Agents;
using Portal.Domain.Customers;

namespace Channels.Tools;

/// <summary>One generated agent; <see cref="Id"/> is its row id (1-based, parents before children).</summary>
internal sealed record SyntheticAgent(
    int Id,
    string Code,
    string LegalName,
    string Uscc,
    AgentTier Tier,
    int? ParentId,
    IReadOnlyList<string> Territory,
    ContractStatus Status)
{
    public bool IsActive => Status == ContractStatus.Active;
}

/// <summary>
/// The synthetic channel's hierarchy (DESIGN.md §2): a few hundred strategic partners with one or two provinces each,
/// core agents under them with cities of those provinces, and tier-1 and tier-2 agents under the core agents (some
/// directly under a strategic partner) with one city or district of their parent's territory. Only Core and above
/// recruit, always a lower tier; every child's territory lies inside its parent's.
/// </summary>
internal static class SyntheticHierarchy
{
    public static List<SyntheticAgent> Generate(int count, Random random, SyntheticRegions regions)
    {
        var strategic = Math.Clamp(count / 330, 2, 300);
        var core = Math.Max(1, count * 9 / 100);
        var leaves = count - strategic - core;
        var tier1 = leaves * 2 / 5;
        var agents = new List<SyntheticAgent>(count);

        for (var i = 0; i < strategic; i++)
        {
            var province = regions.Provinces[i % regions.Provinces.Count];
            List<string> territory = [province];
            if (random.Next(10) == 0)
            {
                var other = regions.Provinces[random.Next(regions.Provinces.Count)];
                if (other != province)
                {
                    territory.Add(other);
                }
            }

            agents.Add(Create(agents.Count + 1, "SP", "战略", AgentTier.Strategic, null, territory, ContractStatus.Active, random, regions));
        }

        for (var i = 0; i < core; i++)
        {
            var parent = agents[random.Next(strategic)];
            var province = parent.Territory[random.Next(parent.Territory.Count)];
            var cities = regions.Children(province);
            var territory = new List<string>();
            var wanted = 1 + random.Next(3);
            for (var k = 0; k < wanted; k++)
            {
                var city = cities[random.Next(cities.Count)];
                if (!territory.Contains(city))
                {
                    territory.Add(city);
                }
            }

            agents.Add(Create(agents.Count + 1, "CORE", "核心", AgentTier.Core, parent.Id, territory, ContractStatus.Active, random, regions));
        }

        for (var i = 0; i < leaves; i++)
        {
            var parent = random.Next(10) == 0 ? agents[random.Next(strategic)] : agents[strategic + random.Next(core)];
            var entry = parent.Territory[random.Next(parent.Territory.Count)];
            var inside = RegionCodeLevel(entry) switch
            {
                // Under a province: one of its cities.
                0 => regions.PickChild(random, entry) ?? entry,

                // Under a city: the city itself, or one of its districts.
                1 => random.Next(3) == 0 ? regions.PickChild(random, entry) ?? entry : entry,
                _ => entry,
            };
            var tier = i < tier1 ? AgentTier.Tier1 : AgentTier.Tier2;
            agents.Add(Create(agents.Count + 1, tier == AgentTier.Tier1 ? "T1" : "T2", tier == AgentTier.Tier1 ? "一级" : "二级", tier, parent.Id, [inside], LeafStatus(random), random, regions));
        }

        return agents;
    }

    private static int RegionCodeLevel(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? 0 : code.EndsWith("00", StringComparison.Ordinal) ? 1 : 2;

    // Most leaves are signed; a few are suspended, expired or still applying (they appear in the grid, not in registrations).
    private static ContractStatus LeafStatus(Random random) => random.Next(100) switch
    {
        < 92 => ContractStatus.Active,
        < 95 => ContractStatus.Suspended,
        < 97 => ContractStatus.Expired,
        _ => ContractStatus.Applied,
    };

    private static SyntheticAgent Create(int id, string prefix, string tierLabel, AgentTier tier, int? parentId, List<string> territory, ContractStatus status, Random random, SyntheticRegions regions)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{id:D6}");
        var name = SyntheticNames.Agent(random, SyntheticNames.Place(regions.Names[territory[0]]), tierLabel, id);
        var uscc = Uscc.Create('9', '1', territory[0], (60_000_000 + id).ToString("D8", CultureInfo.InvariantCulture)).Value;
        return new SyntheticAgent(id, code, name, uscc, tier, parentId, territory, status);
    }
}
