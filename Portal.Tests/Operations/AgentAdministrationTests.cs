using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Operations;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public sealed class AgentAdministrationTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private AgentAdministration Administration => Service<AgentAdministration>();

    private AgentDetails Details => Service<AgentDetails>();

    [Fact]
    public async Task Raising_an_agent_to_its_parents_tier_is_refused()
    {
        var result = await ChangeAsync("CORE-GZ", new AgentChangeInput { Tier = AgentTier.Strategic });

        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal(new Reason(ReasonCode.RecruitTierTooHigh, InputField.Tier, "SP-SOUTH"), Assert.Single(result.Reasons));
        Assert.Equal(AgentTier.Core, await TierAsync("CORE-GZ"));
    }

    [Fact]
    public async Task Demoting_an_agent_with_sub_agents_below_core_is_refused_from_both_sides()
    {
        var result = await ChangeAsync("CORE-GZ", new AgentChangeInput { Tier = AgentTier.Tier1 });

        Assert.Equal([ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh], result.Codes);
        Assert.Contains(new Reason(ReasonCode.RecruitTierTooHigh, InputField.Tier, "T1-TIANHE"), result.Reasons);
    }

    [Fact]
    public async Task A_territory_outside_the_parents_is_refused()
    {
        var result = await ChangeAsync("T1-TIANHE", new AgentChangeInput { Territory = ["440106", "440300"] });

        Assert.Equal(new Reason(ReasonCode.TerritoryNotWithinParent, "territory[1]", "440300"), Assert.Single(result.Reasons));
    }

    [Fact]
    public async Task A_territory_that_no_longer_covers_a_sub_agent_is_refused()
    {
        var result = await ChangeAsync("CORE-GZ", new AgentChangeInput { Territory = ["440106"] });

        Assert.Equal(new Reason(ReasonCode.TerritoryNotWithinParent, InputField.Territory, "T2-YUEXIU"), Assert.Single(result.Reasons));
    }

    [Fact]
    public async Task A_regrading_within_the_hierarchy_is_stored_and_audited()
    {
        var result = await ChangeAsync("T2-YUEXIU", new AgentChangeInput { Tier = AgentTier.Tier1, Territory = ["440104", "440105"] });

        Assert.True(result.Succeeded, result.ToString());
        await using var db = await DbAsync();
        var agent = await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Code == "T2-YUEXIU");
        Assert.Equal(AgentTier.Tier1, agent.Tier);
        Assert.Equal(["440104", "440105"], agent.Territory.Select(t => t.RegionCode).Order());
        var entry = (await AuditAsync())[^1];
        Assert.Equal(("AgentRegraded", "Agent", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Equal("""{"tier":"Tier2","territory":["440104"]}""", entry.Before);
        Assert.Equal("""{"grade":{"tier":"Tier1","territory":["440104","440105"]},"reason":"年度评级调整。"}""", entry.After);
    }

    [Fact]
    public async Task A_regrading_without_a_change_or_with_an_unknown_region_is_invalid_input()
    {
        var nothing = await ChangeAsync("T2-YUEXIU", new AgentChangeInput());
        var unknown = await ChangeAsync("T2-YUEXIU", new AgentChangeInput { Territory = ["440104", "123"] });

        Assert.Equal(UseCaseOutcome.Invalid, nothing.Outcome);
        Assert.Equal(new Reason(ReasonCode.InvalidRegion, "territory[1]"), Assert.Single(unknown.Reasons));
    }

    [Fact]
    public async Task A_suspended_agent_is_reinstated_only_once_its_suspension_has_ended()
    {
        var manager = await UserAsync(Manager);
        var sz = await AgentIdAsync("CORE-SZ");

        var suspended = await Administration.SuspendAsync(manager, sz, new SuspensionInput { Until = TestTime.Today.AddDays(9), Note = "折扣销售第三次" });
        var tooEarly = await Administration.ReinstateAsync(manager, sz);
        var detailWhileSuspended = await Details.GetAsync(manager, sz);
        Clock.Advance(TimeSpan.FromDays(10));
        var reinstated = await Administration.ReinstateAsync(manager, sz);

        Assert.Equal(ContractStatus.Suspended, suspended.Value!.Status);
        Assert.Equal(UseCaseOutcome.Refused, tooEarly.Outcome);
        Assert.Equal([TransitionCode.GuardNotMet], tooEarly.Codes);
        Assert.Equal([AgentGuardKeys.SuspensionEnded], tooEarly.UnmetGuards);
        var reinstate = Assert.Single(detailWhileSuspended!.Actions, a => a.Action == AgentAction.Reinstate);
        Assert.False(reinstate.IsAllowed);
        Assert.Equal([AgentGuardKeys.SuspensionEnded], reinstate.UnmetGuards);
        Assert.Equal(ContractStatus.Active, reinstated.Value!.Status);
        Assert.Equal(["AgentSuspended", "AgentReinstated"], (await AuditAsync()).TakeLast(2).Select(e => e.Action));
    }

    [Fact]
    public async Task A_suspension_needs_a_reason_and_an_end_in_the_future()
    {
        var result = await Administration.SuspendAsync(await UserAsync(Manager), await AgentIdAsync("CORE-SZ"), new SuspensionInput { Until = TestTime.Today });

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal([AgentFields.Note, AgentFields.SuspendedUntil], result.ByField().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ContractStatus.Active, (await Details.GetAsync(await UserAsync(Manager), await AgentIdAsync("CORE-SZ")))!.Contract.Status);
    }

    [Fact]
    public async Task Only_an_expired_contract_is_renewed()
    {
        var manager = await UserAsync(Manager);
        var sh = await AgentIdAsync("T1-SH");
        var terms = new ContractTermsInput(new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31));

        var whileActive = await Administration.RenewAsync(manager, sh, terms);
        Clock.Advance(new DateTime(2029, 1, 1, 2, 0, 0, DateTimeKind.Utc) - Now);
        await Service<ExpiryJob>().RunAsync(Now);
        var renewed = await Administration.RenewAsync(manager, sh, terms);

        Assert.Equal([TransitionCode.NotAllowedInState], whileActive.Codes);
        Assert.Equal(ContractStatus.Active, renewed.Value!.Status);
        Assert.Equal(new DateOnly(2029, 12, 31), (await Details.GetAsync(manager, sh))!.Contract.End);
    }

    [Fact]
    public async Task A_terminated_contract_is_final()
    {
        var manager = await UserAsync(Manager);
        var sh = await AgentIdAsync("T1-SH");

        var terminated = await Administration.TerminateAsync(manager, sh, "代理商主动退出");
        var again = await Administration.SuspendAsync(manager, sh, new SuspensionInput { Note = "处罚" });

        Assert.Equal(ContractStatus.Terminated, terminated.Value!.Status);
        Assert.Equal([TransitionCode.NotAllowedInState], again.Codes);
        Assert.Empty((await Details.GetAsync(manager, sh))!.Actions);
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found_and_a_reseller_may_not_administer()
    {
        var gz = await UserAsync(Gz);

        var missing = await Administration.TerminateAsync(await UserAsync(Manager), 999_999, "退出");

        Assert.Equal(UseCaseOutcome.NotFound, missing.Outcome);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Administration.SuspendAsync(gz, gz.AgentId!.Value, new SuspensionInput { Note = "x" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Administration.ChangeAsync(gz, gz.AgentId!.Value, new AgentChangeInput { Tier = AgentTier.Strategic }));
    }

    [Fact]
    public async Task The_agent_page_shows_parent_children_territory_contract_and_actions()
    {
        var detail = await Details.GetAsync(await UserAsync(Manager), await AgentIdAsync("CORE-GZ"));

        Assert.NotNull(detail);
        Assert.Equal("SP-SOUTH", detail.Parent!.Code);
        Assert.Equal(["T1-TIANHE", "T2-YUEXIU"], detail.Children.Select(c => c.Code));
        Assert.Equal(("440100", "广州市", "Guangzhou"), (detail.Territory.Single().Code, detail.Territory.Single().NameZh, detail.Territory.Single().NameEn));
        Assert.Equal(ContractStatus.Active, detail.Contract.Status);
        Assert.Equal([AgentAction.Suspend, AgentAction.Terminate], detail.Actions.Select(a => a.Action));
        Assert.All(detail.Actions, a => Assert.True(a.IsAllowed));
    }

    [Fact]
    public async Task A_reseller_browses_its_own_subtree_one_level_at_a_time()
    {
        var gz = await UserAsync(Gz);

        var top = await Details.ChildrenAsync(gz, null);
        var children = await Details.ChildrenAsync(gz, gz.AgentId);
        var aboveIt = await Details.ChildrenAsync(gz, await AgentIdAsync("SP-SOUTH"));
        var own = await Details.GetAsync(gz, gz.AgentId!.Value);

        Assert.Equal(("CORE-GZ", 2), (Assert.Single(top!).Code, top![0].ChildCount));
        Assert.Equal(["T1-TIANHE", "T2-YUEXIU"], children!.Select(c => c.Code));
        Assert.All(children!, c => Assert.Equal(0, c.ChildCount));
        Assert.Null(aboveIt);
        Assert.Null(own!.Parent);
        Assert.Empty(own.Actions);
        Assert.Null(await Details.GetAsync(gz, await AgentIdAsync("CORE-SZ")));
    }

    [Fact]
    public async Task Vendor_staff_start_the_hierarchy_at_the_vendor_signed_agents()
    {
        var top = await Details.ChildrenAsync(await UserAsync(Compliance), null);

        Assert.Equal(["SP-SOUTH", "CORE-BJ", "CORE-SZ", "T1-SH"], top!.Select(n => n.Code));
    }

    // A regrading always comes with its reason, unless a test says otherwise.
    private async Task<UseCaseResult<AgentUpdated>> ChangeAsync(string code, AgentChangeInput input)
    {
        input.Reason ??= "年度评级调整。";
        return await Administration.ChangeAsync(await UserAsync(Manager), await AgentIdAsync(code), input);
    }

    private async Task<AgentTier> TierAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.Agents.Where(a => a.Code == code).Select(a => a.Tier).SingleAsync();
    }
}
