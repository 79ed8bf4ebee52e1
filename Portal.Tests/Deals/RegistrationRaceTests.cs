using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

/// <summary>Customer protection under concurrency, against a real SQLite file: the first committed wins, always.</summary>
public sealed class RegistrationRaceTests
{
    private const int Agents = 50;

    [Fact]
    public async Task Fifty_agents_registering_one_new_customer_at_once_leave_exactly_one_holder()
    {
        using var app = new PortalAppFactory();
        var resellers = await CreateActiveAgentsAsync(app, Agents, "440000");
        var registrations = app.Services.GetRequiredService<DealRegistrationService>();
        var uscc = DealInputs.NewUscc("440106", 9001);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = resellers.Select(reseller => Task.Run(async () =>
        {
            await start.Task;
            return await registrations.RegisterAsync(reseller, DealInputs.Registration(uscc, "广州天河抢注测试有限公司", "440106"));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Single(results, r => r.Value!.Status == DealStatus.Approved);
        Assert.Equal(Agents - 1, results.Count(r => r.Value!.Status == DealStatus.Rejected && r.Value.Reasons.Any(x => x.Code == ReasonCode.CustomerProtected)));
        await using var db = await app.CreateContextAsync();
        var customer = await db.Customers.SingleAsync(c => c.Uscc == uscc);
        Assert.Equal(1, await db.CustomerProtections.CountAsync(p => p.CustomerId == customer.Id && p.EndedAt == null));
        Assert.Equal(Agents, await db.Deals.CountAsync(d => d.CustomerId == customer.Id));
        Assert.True(Portal.Domain.Audit.AuditChain.Verify(await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync()).IsIntact);
    }

    /// <summary>Vendor-signed Core agents covering <paramref name="territory"/>, as the services see their users.</summary>
    internal static async Task<List<CurrentUser>> CreateActiveAgentsAsync(PortalAppFactory app, int count, string territory)
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
