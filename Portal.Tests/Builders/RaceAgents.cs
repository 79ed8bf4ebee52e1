using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Regions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Builders;

/// <summary>Many agents at once, for the races: stored in a portal's database, returned as their users.</summary>
internal static class RaceAgents
{
    /// <summary>Vendor-signed Core agents covering <paramref name="territory"/>, as the services see their users.</summary>
    public static async Task<List<CurrentUser>> CreateActiveAsync(PortalAppFactory app, int count, string territory)
    {
        await using var db = await app.CreateContextAsync();
        var now = app.Now;
        var agents = new List<Agent>();
        for (var i = 0; i < count; i++)
        {
            var agent = new Agent($"RACE-{i:D3}", $"并发测试代理{i:D3}", Uscc.Create('9', '1', "440100", $"MA6{i:D5}").Value, AgentTier.Core, null, now);
            agent.AssignTerritory([RegionCode.Parse(territory)]);
            agent.SignDirectly(TestTime.Calendar.DateOf(now).AddDays(-1), TestTime.Calendar.DateOf(now).AddYears(1));
            agents.Add(agent);
        }

        db.Agents.AddRange(agents);
        await db.SaveChangesAsync();
        db.AgentLinks.AddRange(agents.Select(a => new AgentLink(a.Id, a.Id, 0)));
        await db.SaveChangesAsync();
        return agents.Select(a => new CurrentUser($"user-{a.Code}", $"{a.Code.ToLowerInvariant()}@agents.example.cn", a.LegalName, [PortalRoles.Reseller], a.Id, a.Code, a.Tier.ToString())).ToList();
    }
}
