using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.StateMachines;

/// <summary>
/// EF builds entities through their private constructors and sets the status column afterwards: the machines must read
/// that column, and what they change must be what gets saved.
/// </summary>
public sealed class LoadedEntityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Regions.AddRange(new Region(RegionCode.Parse("440000"), "广东省", "Guangdong"), new Region(RegionCode.Parse("440100"), "广州市", "Guangzhou"), new Region(RegionCode.Parse("440106"), "天河区", "Tianhe District"), new Region(RegionCode.Parse("440300"), "深圳市", "Shenzhen"));
        var agent = new Agent("A-LOAD", "加载测试代理", Uscc.Create('9', '1', "440106", "MA5LEAD1").Value, AgentTier.Core, null, TestTime.Now);
        agent.SignDirectly(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        db.Agents.Add(agent);
        db.Customers.Add(new Customer(Uscc.Create('9', '1', "440106", "MA5LEAD2"), "广州加载测试有限公司", RegionCode.Parse("440106"), CustomerSegment.GovernmentEnterprise, TestTime.Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_loaded_agent_is_suspended_and_the_new_status_is_saved()
    {
        await using (var db = _database.CreateContext())
        {
            var agent = await db.Agents.SingleAsync();
            Assert.True(agent.CanSuspend);
            agent.Suspend(TestTime.Days(30), TestTime.Now);
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var loaded = await check.Agents.SingleAsync();
        Assert.Equal(ContractStatus.Suspended, loaded.Status);
        Assert.Equal([AgentGuardKeys.SuspensionEnded], loaded.Availability(AgentAction.Reinstate, TestTime.Days(29), TestTime.Today).UnmetGuards);
        loaded.Reinstate(TestTime.Days(30));
        Assert.Equal(ContractStatus.Active, loaded.Status);
    }

    [Fact]
    public async Task A_loaded_registration_carries_its_guards_and_reasons_through_the_database()
    {
        var (agentId, customerId) = await IdsAsync();
        await using (var db = _database.CreateContext())
        {
            var deal = new DealRegistration(agentId, customerId, new DateOnly(2026, 4, 30), [new DealLine("OIS-STD", 10, 1980m, 1980m, 1188m)], TestTime.Now);
            deal.Submit(TestTime.Now);
            deal.SendToReview([new DealReason("POSSIBLE_DUPLICATE", "customer.legalName")]);
            db.Deals.Add(deal);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var deal = await db.Deals.Include(d => d.Reasons).SingleAsync();
            deal.Approve(TestTime.Days(1), TestTime.Days(91), "核实为不同公司");
            deal.RequestExtension("客户采购流程延长", TestTime.Days(60));
            deal.RefuseExtension("保护期足够");
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var loaded = await check.Deals.Include(d => d.Reasons).SingleAsync();
        Assert.Equal(DealStatus.Approved, loaded.Status);
        Assert.True(loaded.ExtensionUsed);
        Assert.Single(loaded.Reasons);
        Assert.Equal([DealGuardKeys.ExtensionNotYetUsed], loaded.Availability(DealAction.RequestExtension, TestTime.Days(61)).UnmetGuards);
    }

    [Fact]
    public async Task A_loaded_authorization_and_case_move_on_from_their_saved_states()
    {
        var (agentId, _) = await IdsAsync();
        await using (var db = _database.CreateContext())
        {
            var authorization = new CrossRegionAuthorization(agentId, RegionCode.Parse("440300"), null, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31), "深圳客户总部采购", TestTime.Now);
            authorization.Approve("manager@channels.local", TestTime.Now);
            db.CrossRegionAuthorizations.Add(authorization);
            var violation = new ViolationCase(agentId, null, ViolationType.CrossRegion, CaseSource.Manual, "未经授权跨区销售", TestTime.Now);
            violation.StartInvestigation("compliance@channels.local");
            violation.Confirm(TestTime.Days(1));
            violation.Penalize(PenaltyKind.Warning, null, "第一次确认违规", TestTime.Days(2), TestTime.Days(17));
            db.ViolationCases.Add(violation);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            (await db.CrossRegionAuthorizations.SingleAsync()).Expire(new DateOnly(2026, 6, 1));
            (await db.ViolationCases.SingleAsync()).Close(TestTime.Days(17));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        Assert.Equal(AuthorizationStatus.Expired, (await check.CrossRegionAuthorizations.SingleAsync()).Status);
        var closed = await check.ViolationCases.SingleAsync();
        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(PenaltyKind.Warning, closed.Penalty);
    }

    private async Task<(int AgentId, int CustomerId)> IdsAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Agents.Select(a => a.Id).SingleAsync(), await db.Customers.Select(c => c.Id).SingleAsync());
    }
}
