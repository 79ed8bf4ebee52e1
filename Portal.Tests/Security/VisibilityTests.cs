using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// The demo hierarchy: SP-SOUTH → CORE-GZ → {T1-TIANHE, T2-YUEXIU}; CORE-SZ on its own. Each demo agent holds one
/// demo customer through an approved deal. What each reseller's context can read is decided by the query filters.
/// </summary>
public abstract class VisibilityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : PortalAppFixture
{
    [Theory]
    [InlineData("T2-YUEXIU", "T1-TIANHE", false)] // a sibling
    [InlineData("T2-YUEXIU", "CORE-GZ", false)] // an ancestor
    [InlineData("CORE-GZ", "T1-TIANHE", true)] // a child
    [InlineData("CORE-GZ", "T2-YUEXIU", true)]
    [InlineData("CORE-SZ", "T1-TIANHE", false)] // another branch
    [InlineData("CORE-SZ", "CORE-GZ", false)]
    [InlineData("SP-SOUTH", "T1-TIANHE", true)] // a grandchild
    [InlineData("SP-SOUTH", "CORE-GZ", true)]
    [InlineData("T1-TIANHE", "T1-TIANHE", true)] // itself
    public async Task A_reseller_reads_its_subtrees_deals_and_customers_by_id_and_nothing_else(string reader, string owner, bool visible)
    {
        var (dealId, customerId, agentId) = await OwnedByAsync(owner);
        await using var db = await ContextForAsync(reader);

        Assert.Equal(visible, await db.Deals.AnyAsync(d => d.Id == dealId));
        Assert.Equal(visible, await db.Customers.AnyAsync(c => c.Id == customerId));
        Assert.Equal(visible, await db.CustomerProtections.AnyAsync(p => p.CustomerId == customerId));
        Assert.Equal(visible, await db.Agents.AnyAsync(a => a.Id == agentId));
        Assert.Equal(visible, await db.Deals.FindAsync(dealId) is not null);
    }

    [Fact]
    public async Task The_strategic_partner_sees_its_whole_subtree_and_no_other_branch()
    {
        await using var db = await ContextForAsync("SP-SOUTH");

        var agents = await db.Agents.Select(a => a.Code).OrderBy(c => c).ToListAsync();

        Assert.Equal(["CORE-GZ", "SP-SOUTH", "T1-TIANHE", "T2-YUEXIU"], agents);
        Assert.Equal(3, await db.Deals.CountAsync());
    }

    [Fact]
    public async Task A_reseller_reads_no_audit_entry()
    {
        await using var db = await ContextForAsync("SP-SOUTH");

        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData(PortalRoles.ChannelManager)]
    [InlineData(PortalRoles.Compliance)]
    public async Task Vendor_staff_see_every_agent(string role)
    {
        var data = fixture.App.Services.GetRequiredService<PortalData>();
        await using var db = await data.ForAsync(new CurrentUser("id", "staff@channels.local", "Staff", [role], null, null, null));

        Assert.Equal(7, await db.Agents.CountAsync());
    }

    [Fact]
    public async Task A_fresh_context_reads_nothing_until_told_whose_eyes_it_reads_with()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        Assert.Equal(DataScope.Nobody, db.Scope);
        Assert.Equal(0, await db.Agents.CountAsync());
        Assert.Equal(0, await db.Deals.CountAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    private async Task<PortalDbContext> ContextForAsync(string agentCode)
    {
        await using var all = await fixture.App.CreateContextAsync();
        var agent = await all.Agents.SingleAsync(a => a.Code == agentCode);
        var reseller = new CurrentUser("id", "reseller@example.cn", agentCode, [PortalRoles.Reseller], agent.Id, agent.Code, agent.Tier.ToString());
        return await fixture.App.Services.GetRequiredService<PortalData>().ForAsync(reseller);
    }

    private async Task<(int DealId, int CustomerId, int AgentId)> OwnedByAsync(string agentCode)
    {
        await using var db = await fixture.App.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == agentCode);
        var deal = await db.Deals.SingleAsync(d => d.AgentId == agent.Id);
        return (deal.Id, deal.CustomerId, agent.Id);
    }
}

public sealed class VisibilityTestsOnSqlite(PortalAppFixture fixture) : VisibilityTests<PortalAppFixture>(fixture);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class VisibilityTestsOnPostgreSql(PostgreSqlAppFixture fixture) : VisibilityTests<PostgreSqlAppFixture>(fixture);
