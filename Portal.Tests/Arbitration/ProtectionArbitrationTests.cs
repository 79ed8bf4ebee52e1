using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Arbitration;

/// <summary>A channel manager's arbitration and corrections (DESIGN.md §9, ADR 0027) on real SQLite, from the demo data.</summary>
public sealed class ProtectionArbitrationTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private ProtectionArbitration Arbitration => Service<ProtectionArbitration>();

    private DealRegistrationService Registrations => Service<DealRegistrationService>();

    private DealReviewService Review => Service<DealReviewService>();

    [Fact]
    public async Task A_transfer_moves_the_customer_to_the_new_holder_for_the_rest_of_the_period_and_cancels_the_old_holders_deal()
    {
        var uscc = DealInputs.NewUscc("440106", 7701);
        var registered = await Registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州仲裁转移测试有限公司", "440106"));
        var before = await OpenAsync(uscc);

        var moved = await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "core-gz", "经核实，客户由广州核心代理开发。");

        Assert.True(moved.Succeeded, moved.ToString());
        Assert.Equal(("T1-TIANHE", "CORE-GZ"), (moved.Value.FromAgentCode, moved.Value.ToAgentCode));
        Assert.Equal([registered.Value!.Id], moved.Value.CancelledDealIds);
        var open = await OpenAsync(uscc);
        Assert.Equal((await AgentIdAsync("CORE-GZ"), ProtectionBasis.Arbitration, before.Until, (int?)null), (open.AgentId, open.Basis, open.Until, open.DealId));
        await using var db = await DbAsync();
        var ended = await db.CustomerProtections.SingleAsync(p => p.Id == before.Id);
        Assert.Equal((ProtectionEnd.Transferred, open.Since), (ended.EndReason, ended.EndedAt));
        var deal = await db.Deals.SingleAsync(d => d.Id == registered.Value.Id);
        Assert.Equal((DealStatus.Cancelled, "经核实，客户由广州核心代理开发。"), (deal.Status, deal.DecisionNote));
        var audit = await AuditAsync();
        Assert.Equal(["DealCancelled", "ProtectionTransferred"], audit.TakeLast(2).Select(e => e.Action));
        Assert.All(audit.TakeLast(2), e => Assert.Contains("经核实", e.After!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfer_to_a_suspended_agent_is_refused_with_AGENT_NOT_ACTIVE_and_changes_nothing()
    {
        var manager = await UserAsync(Manager);
        var uscc = DealInputs.NewUscc("440106", 7702);
        await Registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州仲裁暂停测试有限公司", "440106"));
        var suspended = await Service<AgentAdministration>().SuspendAsync(manager, await AgentIdAsync("CORE-GZ"), new SuspensionInput { Until = Portal.Tests.Builders.TestTime.Today.AddDays(30), Note = "违规处罚" });
        Assert.True(suspended.Succeeded, suspended.ToString());
        var before = await OpenAsync(uscc);

        var refused = await Arbitration.TransferAsync(manager, uscc, "CORE-GZ", "转给广州核心代理。");

        Assert.Equal(UseCaseOutcome.Refused, refused.Outcome);
        Assert.Equal(new Reason(ReasonCode.AgentNotActive, ProtectionArbitrationRules.TargetField, "CORE-GZ"), Assert.Single(refused.Reasons));
        var after = await OpenAsync(uscc);
        Assert.Equal((before.Id, before.AgentId, before.Until), (after.Id, after.AgentId, after.Until));
    }

    [Fact]
    public async Task A_transfer_to_an_agent_whose_territory_does_not_cover_the_customer_is_refused_with_OUT_OF_TERRITORY()
    {
        var uscc = DealInputs.NewUscc("440106", 7703);
        await Registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州仲裁区域测试有限公司", "440106"));

        var refused = await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "CORE-BJ", "转给北京。");
        var same = await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "T1-TIANHE", "原样。");
        var unknown = await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "NO-SUCH", "无此代理。");
        var unexplained = await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "CORE-GZ", "  ");

        Assert.Equal([ReasonCode.OutOfTerritory], refused.Codes);
        Assert.Equal([UseCaseCode.AlreadyHolder], same.Codes);
        Assert.Equal((UseCaseOutcome.Invalid, UseCaseCode.UnknownAgent), (unknown.Outcome, unknown.Codes.Single()));
        Assert.Equal((UseCaseOutcome.Invalid, new Reason(ReasonCode.Required, "reason")), (unexplained.Outcome, unexplained.Reasons.Single()));
        Assert.Equal(await AgentIdAsync("T1-TIANHE"), (await OpenAsync(uscc)).AgentId);
    }

    [Fact]
    public async Task A_release_frees_the_customer_and_another_agents_registration_is_then_approved()
    {
        var uscc = DealInputs.NewUscc("440106", 7704);
        await Registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州仲裁释放测试有限公司", "440106"));
        var blocked = await Registrations.RegisterAsync(await UserAsync(Gz), DealInputs.Registration(uscc, "广州仲裁释放测试有限公司", "440106"));

        var released = await Arbitration.ReleaseAsync(await UserAsync(Manager), uscc, "客户书面声明不再与天河一级代理合作。");
        var again = await Arbitration.ReleaseAsync(await UserAsync(Manager), uscc, "再次释放。");
        var registered = await Registrations.RegisterAsync(await UserAsync(Gz), DealInputs.Registration(uscc, "广州仲裁释放测试有限公司", "440106"));

        Assert.Equal(DealStatus.Rejected, blocked.Value!.Status);
        Assert.True(released.Succeeded, released.ToString());
        Assert.Null(released.Value.ToAgentCode);
        Assert.Equal([UseCaseCode.NotProtected], again.Codes);
        Assert.Equal(DealStatus.Approved, registered.Value!.Status);
        Assert.Equal(await AgentIdAsync("CORE-GZ"), (await OpenAsync(uscc)).AgentId);
        Assert.Contains(await AuditAsync(), e => e.Action == "ProtectionReleased" && e.After!.Contains("不再与天河", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_customer_unknown_or_outside_the_managers_sight_is_not_found()
    {
        var reseller = await UserAsync(Gz);
        var missing = await Arbitration.ReleaseAsync(await UserAsync(Manager), DealInputs.NewUscc("440106", 7705), "无此客户。");

        Assert.Equal(UseCaseOutcome.NotFound, missing.Outcome);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Arbitration.ReleaseAsync(reseller, DealInputs.NewUscc("440106", 7705), "越权。"));
    }

    [Fact]
    public async Task Cancelling_a_deal_releases_the_protection_it_gave_and_an_extension_pending_is_refused_first()
    {
        var manager = await UserAsync(Manager);
        var first = DealInputs.NewUscc("440106", 7706);
        var second = DealInputs.NewUscc("440106", 7707);
        var tianhe = await UserAsync(Tianhe);
        var approved = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(first, "广州取消报备测试有限公司", "440106"));
        var extending = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(second, "广州取消延期测试有限公司", "440106"));
        await Service<DealLifecycleService>().RequestExtensionAsync(tianhe, extending.Value!.Id, "客户预算推迟。");

        var unexplained = await Review.CancelAsync(manager, approved.Value!.Id, null);
        var cancelled = await Review.CancelAsync(manager, approved.Value.Id, "客户撤回采购意向。");
        var twice = await Review.CancelAsync(manager, approved.Value.Id, "再次取消。");
        var pending = await Review.CancelAsync(manager, extending.Value.Id, "重复报备。");
        var taken = await Registrations.RegisterAsync(await UserAsync(Gz), DealInputs.Registration(first, "广州取消报备测试有限公司", "440106"));

        Assert.Equal(UseCaseOutcome.Invalid, unexplained.Outcome);
        Assert.Equal(DealStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal([TransitionCode.NotAllowedInState], twice.Codes);
        Assert.Equal(DealStatus.Cancelled, pending.Value!.Status);
        Assert.Equal(DealStatus.Approved, taken.Value!.Status);
        await using var db = await DbAsync();
        var secondId = await db.Customers.Where(c => c.Uscc == second).Select(c => c.Id).SingleAsync();
        Assert.False(await db.CustomerProtections.AnyAsync(p => p.CustomerId == secondId && p.EndedAt == null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Review.CancelAsync(tianhe, extending.Value.Id, "自己取消"));
    }

    [Fact]
    public async Task The_customer_page_reads_the_holder_and_the_whole_history()
    {
        var uscc = DealInputs.NewUscc("440106", 7708);
        await Registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州仲裁历史测试有限公司", "440106"));
        await Arbitration.TransferAsync(await UserAsync(Manager), uscc, "CORE-GZ", "移交。");

        var reseller = await UserAsync(Tianhe);
        var view = await Service<CustomerProtectionQueries>().GetAsync(await UserAsync(Manager), uscc.ToLowerInvariant());

        Assert.NotNull(view);
        Assert.Equal(("CORE-GZ", ProtectionBasis.Arbitration), (view.Holder!.AgentCode, view.Holder.Basis));
        Assert.Equal(["CORE-GZ", "T1-TIANHE"], view.History.Select(h => h.AgentCode));
        Assert.Equal(ProtectionEnd.Transferred, view.History[1].EndReason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CustomerProtectionQueries>().GetAsync(reseller, uscc));
    }

    private async Task<CustomerProtection> OpenAsync(string uscc)
    {
        await using var db = await DbAsync();
        var id = await db.Customers.Where(c => c.Uscc == uscc).Select(c => c.Id).SingleAsync();
        return await db.CustomerProtections.AsNoTracking().SingleAsync(p => p.CustomerId == id && p.EndedAt == null);
    }
}
