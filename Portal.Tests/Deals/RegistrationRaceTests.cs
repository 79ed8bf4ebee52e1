using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

/// <summary>Customer protection under concurrency, on a real database of each engine: the first committed wins, always.</summary>
public abstract class RegistrationRaceTests<TFixture>(TFixture fixture) : AppTest<TFixture>(fixture)
    where TFixture : PortalAppFixture
{
    private const int Agents = 50;

    [Fact]
    public async Task Fifty_agents_registering_one_new_customer_at_once_leave_exactly_one_holder()
    {
        var resellers = await RaceAgents.CreateActiveAsync(App, Agents, "440000");
        var registrations = Service<DealRegistrationService>();
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
        await using var db = await DbAsync();
        var customer = await db.Customers.SingleAsync(c => c.Uscc == uscc);
        Assert.Equal(1, await db.CustomerProtections.CountAsync(p => p.CustomerId == customer.Id && p.EndedAt == null));
        Assert.Equal(Agents, await db.Deals.CountAsync(d => d.CustomerId == customer.Id));
        Assert.True(Portal.Domain.Audit.AuditChain.Verify(await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync()).IsIntact);
    }
}

public sealed class RegistrationRaceTestsOnSqlite(PortalAppFixture fixture) : RegistrationRaceTests<PortalAppFixture>(fixture);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class RegistrationRaceTestsOnPostgreSql(PostgreSqlAppFixture fixture) : RegistrationRaceTests<PostgreSqlAppFixture>(fixture);
