using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Audit;
using Portal.Features;
using Portal.Features.Admin;
using Portal.Features.Agents;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// A ChannelManager scoped to regions (ADR 26), against the real portal on SQLite with its migrations: the seeded
/// manager.gd@channels.local is scoped to 440000 (Guangdong); CORE-BJ (110000) registers a Beijing deal in each test.
/// </summary>
public sealed class RegionalManagerTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private const string RegionalManager = "manager.gd@channels.local";

    [Fact]
    public async Task A_regional_manager_reads_its_regions_agents_customers_and_deals_and_nothing_of_beijing()
    {
        var beijing = await BeijingDealAsync(7601);
        var gd = await UserAsync(RegionalManager);
        await using var db = await Service<PortalData>().ForAsync(gd);

        var agents = await db.Agents.Select(a => a.Code).OrderBy(c => c).ToListAsync();
        var customers = await db.Customers.Select(c => c.RegionCode).ToListAsync();
        var deals = await db.Deals.Select(d => d.Id).ToListAsync();

        Assert.Equal(["440000"], gd.ScopeRegions);
        Assert.Equal(["CORE-GZ", "CORE-SZ", "SP-SOUTH", "T1-TIANHE", "T2-YUEXIU"], agents);
        Assert.NotEmpty(customers);
        Assert.All(customers, region => Assert.StartsWith("44", region, StringComparison.Ordinal));
        Assert.NotEmpty(deals);
        Assert.DoesNotContain(beijing.DealId, deals);
        Assert.False(await db.Customers.AnyAsync(c => c.Id == beijing.CustomerId));
        Assert.False(await db.CustomerProtections.AnyAsync(p => p.CustomerId == beijing.CustomerId));
        Assert.Null(await Service<AgentDetails>().GetByCodeAsync(gd, "CORE-BJ"));
        Assert.NotNull(await Service<AgentDetails>().GetByCodeAsync(gd, "CORE-GZ"));
        Assert.Null(await Service<DealQueries>().GetAsync(gd, beijing.DealId));
        var page = new PageRequest(0, 50, null, false);
        Assert.DoesNotContain((await Service<AgentDirectory>().SearchAsync(gd, new AgentFilter(null, null, null), page)).Items, a => a.Code == "CORE-BJ");
        Assert.All((await Service<CustomerDirectory>().ListAsync(gd, new CustomerFilter(), page)).Items, c => Assert.StartsWith("44", c.Region.Code, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("440100", new[] { "CORE-GZ", "SP-SOUTH", "T1-TIANHE", "T2-YUEXIU" })] // a Guangdong-wide agent is a Guangzhou manager's too
    [InlineData("440106", new[] { "CORE-GZ", "SP-SOUTH", "T1-TIANHE" })]
    [InlineData("110000", new[] { "CORE-BJ" })]
    [InlineData("450000", new[] { "SP-SOUTH" })]
    public async Task An_agent_is_a_regions_when_its_territory_overlaps_it(string region, string[] expected)
    {
        await using var db = await Service<PortalData>().ForAsync(ScopedManager(region));

        Assert.Equal(expected, await db.Agents.Select(a => a.Code).OrderBy(c => c).ToListAsync());
    }

    [Fact]
    public async Task A_regional_manager_may_not_act_on_a_record_out_of_its_regions_which_does_not_exist_for_it()
    {
        var beijing = await BeijingDealAsync(7602);
        var gd = await UserAsync(RegionalManager);

        var decision = await Service<DealReviewService>().RejectAsync(gd, beijing.DealId, "不在本区域。");
        var terminated = await Service<AgentAdministration>().TerminateAsync(gd, await AgentIdAsync("CORE-BJ"), "不在本区域。");
        var sale = await Service<VendorDirectSales>().RecordDirectSaleAsync(gd, new VendorDirectSaleInput { CustomerUscc = beijing.Uscc, Note = "直销" });
        var userForAgent = await Service<UserAdministration>().CreateForAgentAsync(gd, "CORE-BJ", new AgentUserInput("bj.staff.7602@example.cn", "北京员工"));

        Assert.Equal(UseCaseOutcome.NotFound, decision.Outcome);
        Assert.Equal(UseCaseOutcome.NotFound, terminated.Outcome);
        Assert.Equal(UseCaseOutcome.NotFound, sale.Outcome);
        Assert.Equal(UseCaseOutcome.Invalid, userForAgent.Outcome);
        Assert.Contains(UseCaseCode.UnknownAgent, userForAgent.Codes);
        Assert.Equal("Active", (await AgentAsync("CORE-BJ")).Status.ToString());
    }

    [Fact]
    public async Task A_regional_manager_draws_territories_only_within_its_regions()
    {
        var gd = await UserAsync(RegionalManager);
        var administration = Service<AgentAdministration>();
        var sz = await AgentIdAsync("CORE-SZ");

        var outside = await administration.ChangeAsync(gd, sz, new AgentChangeInput { Territory = ["440300", "110000"], Reason = "扩大区域。" });
        var inside = await administration.ChangeAsync(gd, sz, new AgentChangeInput { Territory = ["440300", "440400"], Reason = "增加珠海。" });
        var signedOutside = await Service<Portal.Features.Recruitment.AgentRecruitment>().SignDirectlyAsync(gd, new Portal.Features.Recruitment.DirectSigningInput
        {
            Code = "CORE-TJ",
            LegalName = "天津核心代理",
            Uscc = DealInputs.NewUscc("120000", 7605),
            Tier = Portal.Domain.Agents.AgentTier.Core,
            Territory = ["120000"],
            ContractStart = Portal.Tests.Builders.TestTime.Today,
            ContractEnd = Portal.Tests.Builders.TestTime.Today.AddYears(1),
        });

        Assert.Equal(UseCaseOutcome.Invalid, outside.Outcome);
        Assert.Contains(UseCaseCode.OutsideYourRegions, outside.Codes);
        Assert.True(inside.Succeeded);
        Assert.Contains(UseCaseCode.OutsideYourRegions, signedOutside.Codes);
        Assert.False(await ReadAsync(db => db.Agents.AnyAsync(a => a.Code == "CORE-TJ")));
    }

    [Fact]
    public async Task Through_the_api_a_regional_manager_gets_404_for_beijing_and_lists_only_guangdong()
    {
        var beijing = await BeijingDealAsync(7603);
        using var gd = await SignInClient.WithTokenAsync(App, RegionalManager);
        using var everyone = await SignInClient.WithTokenAsync(App, Manager);

        using var bjAgent = await gd.GetAsync(Url("/api/v1/agents/CORE-BJ"));
        using var gzAgent = await gd.GetAsync(Url("/api/v1/agents/CORE-GZ"));
        using var bjDeal = await gd.GetAsync(Url($"/api/v1/deals/{beijing.DealId}"));
        using var bjDecision = await gd.PostAsJsonAsync(Url($"/api/v1/deals/{beijing.DealId}/reject"), new { note = "不在本区域。" });
        var agents = await JsonAsync(await gd.GetAsync(Url("/api/v1/agents?pageSize=100")));
        var deals = await JsonAsync(await gd.GetAsync(Url("/api/v1/deals?pageSize=100")));
        using var unscoped = await everyone.GetAsync(Url($"/api/v1/deals/{beijing.DealId}"));

        Assert.Equal(HttpStatusCode.NotFound, bjAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, gzAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bjDeal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bjDecision.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unscoped.StatusCode);
        var agentCodes = agents.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("CORE-GZ", agentCodes);
        Assert.DoesNotContain("CORE-BJ", agentCodes);
        Assert.DoesNotContain("T1-SH", agentCodes);
        var dealRegions = deals.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("regionCode").GetString()!).ToList();
        Assert.NotEmpty(dealRegions);
        Assert.All(dealRegions, r => Assert.StartsWith("44", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unscoped_managers_queries_carry_no_scope_predicate_and_a_regional_managers_carry_only_the_regions()
    {
        var beijing = await BeijingDealAsync(7604);
        var data = Service<PortalData>();
        await using var all = await data.ForAsync(await UserAsync(Manager));
        await using var gd = await data.ForAsync(await UserAsync(RegionalManager));

        var unscopedSql = all.Agents.ToQueryString() + all.Customers.ToQueryString() + all.Deals.ToQueryString();
        var scopedSql = gd.Customers.ToQueryString();

        Assert.Equal(DataScope.All, all.Scope);
        Assert.DoesNotContain("WHERE", unscopedSql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ScopeRegions", unscopedSql, StringComparison.Ordinal);
        // EF Core 10 expands the regions into scalar parameters ("= @p" or "IN (@p1, @p2, …)"): indexable, no scan of a JSON list.
        Assert.Contains("\"c\".\"CityCode\" = @ef_filter__ScopeRegions", scopedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("AgentLinks", scopedSql, StringComparison.Ordinal);
        Assert.True(await all.Deals.AnyAsync(d => d.Id == beijing.DealId));
        Assert.False(await gd.Deals.AnyAsync(d => d.Id == beijing.DealId));
        Assert.Equal(7, await all.Agents.CountAsync());
    }

    [Fact]
    public async Task The_admin_scopes_a_manager_audited_and_its_sessions_end_so_the_next_sign_in_carries_the_regions()
    {
        var admin = await UserAsync("admin@channels.local");
        var manager = await UserAsync(Manager);
        using var before = await SignInClient.WithTokenAsync(App, Manager);

        var wrongRole = await Service<UserAdministration>().SetRegionsAsync(admin, (await UserAsync(Gz)).Id, ["440000"]);
        var unknown = await Service<UserAdministration>().SetRegionsAsync(admin, manager.Id, ["990000"]);
        var scoped = await Service<UserAdministration>().SetRegionsAsync(admin, manager.Id, ["110000"]);
        using var stale = await before.GetAsync(Url("/api/v1/agents/CORE-GZ"));
        using var after = await SignInClient.WithTokenAsync(App, Manager);
        using var gzNow = await after.GetAsync(Url("/api/v1/agents/CORE-GZ"));
        using var bjNow = await after.GetAsync(Url("/api/v1/agents/CORE-BJ"));

        Assert.Contains(UseCaseCode.RegionsOnlyForManager, wrongRole.Codes);
        Assert.Equal(UseCaseOutcome.Invalid, unknown.Outcome);
        Assert.True(scoped.Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gzNow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bjNow.StatusCode);
        var entry = await ReadAsync(db => db.AuditEntries.Where(e => e.Action == nameof(AuditAction.UserRegionsChanged)).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("110000", entry.After, StringComparison.Ordinal);

        var cleared = await Service<UserAdministration>().SetRegionsAsync(admin, manager.Id, []);
        Assert.True(cleared.Succeeded);
        Assert.Empty((await UserAsync(Manager)).ScopeRegions);
    }

    private static CurrentUser ScopedManager(string region) =>
        new("regional-" + region, $"manager.{region}@channels.local", "Regional", [PortalRoles.ChannelManager], null, null, null, [region]);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    // A deal CORE-BJ registers on a new Beijing (Haidian) customer.
    private async Task<(int DealId, int CustomerId, string Uscc)> BeijingDealAsync(int number)
    {
        var uscc = DealInputs.NewUscc("110108", number);
        var registered = await Service<DealRegistrationService>().RegisterAsync(await ResellerOfAsync("CORE-BJ"), DealInputs.Registration(uscc, $"北京海淀区域测试{number}科技有限公司", "110108"));
        Assert.True(registered.Succeeded);
        var customerId = await ReadAsync(db => db.Customers.Where(c => c.Uscc == uscc).Select(c => c.Id).SingleAsync());
        return (registered.Value.Id, customerId, uscc);
    }
}
