using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Sales;
using Portal.Tests.Builders;
using static Portal.Tests.StateMachines.DealRegistrationDesign;

namespace Portal.Tests.StateMachines;

/// <summary>The deal registration machine against DESIGN.md §5.2.</summary>
public sealed class DealRegistrationTests
{
    public static TheoryData<DealStatus, DealAction, DealStatus> AllowedTransitions() =>
        Theories.Rows(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)));

    public static TheoryData<DealStatus, DealAction> ForbiddenTransitions() =>
        Theories.Rows(
            from state in Enum.GetValues<DealStatus>()
            from action in Enum.GetValues<DealAction>()
            where !Allowed.ContainsKey((state, action))
            select (state, action));

    public static TheoryData<DealStatus> TerminalStates() => [.. Terminal];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_action_the_design_allows_moves_the_registration_to_its_target_state(DealStatus from, DealAction action, DealStatus to)
    {
        var deal = DealBuilder.In(from).Build();
        var now = MomentFor(action);
        var version = deal.Version;

        Assert.True(deal.Availability(action, now).IsAllowed);
        Do(deal, action, now);

        Assert.Equal(to, deal.Status);
        Assert.True(deal.Version > version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void An_action_the_design_does_not_allow_from_a_state_is_refused_and_changes_nothing(DealStatus from, DealAction action)
    {
        var deal = DealBuilder.In(from).Build();
        var now = MomentFor(action);
        var version = deal.Version;

        var availability = deal.Availability(action, now);
        var error = Assert.Throws<DomainException>(() => Do(deal, action, now));

        Assert.False(availability.AppliesInState);
        Assert.False(availability.IsAllowed);
        Assert.Empty(availability.UnmetGuards);
        Assert.Equal(TransitionCode.NotAllowedInState, error.Code);
        Assert.Equal(from, deal.Status);
        Assert.Equal(version, deal.Version);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void A_terminal_registration_refuses_every_action_at_any_time(DealStatus terminal)
    {
        var deal = DealBuilder.In(terminal).Build();

        foreach (var now in new[] { TestTime.Now, DealBuilder.RequestedAt, DealBuilder.ProtectedUntil, TestTime.Days(5000) })
        {
            foreach (var action in Enum.GetValues<DealAction>())
            {
                Assert.Throws<DomainException>(() => Do(deal, action, now));
            }

            Assert.DoesNotContain(deal.Actions(now), a => a.AppliesInState);
            Assert.Equal(terminal, deal.Status);
        }
    }

    [Fact]
    public void Approval_protects_the_customer_until_the_given_time_and_keeps_the_note()
    {
        var deal = DealBuilder.In(DealStatus.PendingReview).Build();

        deal.Approve(TestTime.Days(2), TestTime.Days(92), "  同名客户经核实为不同公司  ");

        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.Equal(DealBuilder.SubmittedAt, deal.SubmittedAt);
        Assert.Equal(TestTime.Days(2), deal.DecidedAt);
        Assert.Equal(TestTime.Days(92), deal.ProtectedUntil);
        Assert.Equal("同名客户经核实为不同公司", deal.DecisionNote);
        Assert.Equal([ReasonCode.PossibleDuplicate], deal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Protection_that_ends_before_the_approval_is_refused()
    {
        var deal = DealBuilder.In(DealStatus.Submitted).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => deal.Approve(TestTime.Now, TestTime.Now));

        Assert.Equal(DealStatus.Submitted, deal.Status);
        Assert.Null(deal.ProtectedUntil);
    }

    [Fact]
    public void A_rejection_records_its_reason_codes_and_note()
    {
        var deal = DealBuilder.In(DealStatus.Submitted).Build();

        deal.Reject([new DealReason(ReasonCode.OutOfTerritory, "customer.regionCode"), new DealReason(ReasonCode.PriceNotUniform, "lines[0].unitPrice")], TestTime.Now, "区域外且价格不符");

        Assert.Equal(DealStatus.Rejected, deal.Status);
        Assert.Equal([ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform], deal.Reasons.Select(r => r.Code));
        Assert.Equal("customer.regionCode", deal.Reasons.First().Field);
        Assert.Equal("区域外且价格不符", deal.DecisionNote);
        Assert.Equal(TestTime.Now, deal.DecidedAt);
    }

    [Fact]
    public void A_refusal_without_a_reason_code_is_refused()
    {
        var submitted = DealBuilder.In(DealStatus.Submitted).Build();

        Assert.Throws<ArgumentException>(() => submitted.Reject([], TestTime.Now));
        Assert.Throws<ArgumentException>(() => submitted.SendToReview([]));

        Assert.Equal(DealStatus.Submitted, submitted.Status);
        Assert.Empty(submitted.Reasons);
    }

    [Fact]
    public void A_rejection_after_review_keeps_the_reason_it_was_reviewed_for()
    {
        var deal = DealBuilder.In(DealStatus.PendingReview).Build();

        deal.Reject([DealBuilder.Reason(), DealBuilder.Reason(ReasonCode.CustomerProtected)], TestTime.Days(1));

        Assert.Equal([ReasonCode.PossibleDuplicate, ReasonCode.CustomerProtected], deal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_sale_report_wins_the_registration_it_is_about_and_no_other()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();
        var aboutAnotherCustomer = new SalesReport(deal.Id, deal.AgentId, deal.CustomerId + 1, new DateOnly(2026, 3, 20), [], TestTime.Days(20), "tianhe@channels.local");

        Assert.Throws<ArgumentException>(() => deal.ReportSale(aboutAnotherCustomer));
        Assert.Equal(DealStatus.Approved, deal.Status);

        deal.ReportSale(DealBuilder.SaleOf(deal));

        Assert.Equal(DealStatus.Won, deal.Status);
    }

    [Fact]
    public void A_registration_expires_when_its_protection_ends()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();
        var justBefore = DealBuilder.ProtectedUntil.AddSeconds(-1);

        var early = deal.Availability(DealAction.Expire, justBefore);
        var error = Assert.Throws<DomainException>(() => deal.Expire(justBefore));

        Assert.Equal([DealGuardKeys.ProtectionEnded], early.UnmetGuards);
        Assert.False(deal.CanExpire(justBefore));
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.Equal(DealStatus.Approved, deal.Status);

        deal.Expire(DealBuilder.ProtectedUntil);

        Assert.Equal(DealStatus.Expired, deal.Status);
    }

    [Fact]
    public void A_granted_extension_moves_the_protection_and_cannot_be_asked_again()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();

        deal.RequestExtension("  客户采购流程延长  ", DealBuilder.RequestedAt);

        Assert.Equal(DealStatus.ExtensionRequested, deal.Status);
        Assert.True(deal.ExtensionUsed);
        Assert.Equal("客户采购流程延长", deal.ExtensionReason);

        deal.GrantExtension(DealBuilder.ProtectedUntil.AddDays(90), "同意延长");

        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.Equal(DealBuilder.ProtectedUntil.AddDays(90), deal.ProtectedUntil);
        Assert.Equal("同意延长", deal.DecisionNote);
        Assert.Equal([DealGuardKeys.ExtensionNotYetUsed], deal.Availability(DealAction.RequestExtension, DealBuilder.RequestedAt).UnmetGuards);
        var error = Assert.Throws<DomainException>(() => deal.RequestExtension("再延长一次", DealBuilder.RequestedAt));
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.Contains(DealGuardKeys.ExtensionNotYetUsed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_extension_request_uses_up_the_one_extension()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();
        deal.RequestExtension("客户采购流程延长", DealBuilder.RequestedAt);

        deal.RefuseExtension("保护期足够");

        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.Equal(DealBuilder.ProtectedUntil, deal.ProtectedUntil);
        Assert.Equal("保护期足够", deal.DecisionNote);
        Assert.False(deal.CanRequestExtension(DealBuilder.RequestedAt));
        Assert.Throws<DomainException>(() => deal.RequestExtension("再试一次", DealBuilder.RequestedAt));
        Assert.Equal(DealStatus.Approved, deal.Status);
    }

    [Fact]
    public void An_extension_is_requested_only_while_the_protection_is_in_force()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();

        var atTheEnd = deal.Availability(DealAction.RequestExtension, DealBuilder.ProtectedUntil);

        Assert.Equal([DealGuardKeys.ProtectionInForce], atTheEnd.UnmetGuards);
        Assert.Throws<DomainException>(() => deal.RequestExtension("客户采购流程延长", DealBuilder.ProtectedUntil));
        Assert.False(deal.ExtensionUsed);
        Assert.True(deal.CanRequestExtension(DealBuilder.ProtectedUntil.AddSeconds(-1)));
    }

    [Fact]
    public void Every_unmet_guard_of_an_extension_request_is_reported()
    {
        var deal = DealBuilder.In(DealStatus.Approved).WithExtensionUsed().Build();

        var availability = deal.Availability(DealAction.RequestExtension, DealBuilder.ProtectedUntil);

        Assert.True(availability.AppliesInState);
        Assert.Equal([DealGuardKeys.ExtensionNotYetUsed, DealGuardKeys.ProtectionInForce], availability.UnmetGuards);
    }

    [Fact]
    public void An_extension_request_needs_a_written_reason()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();

        Assert.Throws<ArgumentException>(() => deal.RequestExtension("   ", DealBuilder.RequestedAt));

        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.False(deal.ExtensionUsed);
    }

    [Fact]
    public void An_extension_moves_the_protection_later_or_not_at_all()
    {
        var deal = DealBuilder.In(DealStatus.ExtensionRequested).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => deal.GrantExtension(DealBuilder.ProtectedUntil));
        Assert.Throws<ArgumentException>(() => deal.RefuseExtension(" "));

        Assert.Equal(DealStatus.ExtensionRequested, deal.Status);
        Assert.Equal(DealBuilder.ProtectedUntil, deal.ProtectedUntil);
    }

    [Fact]
    public void The_actions_of_an_approved_registration_show_expiry_held_back_by_its_guard()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();

        var actions = deal.Actions(DealBuilder.RequestedAt);

        Assert.Equal(
            [DealAction.ReportSale, DealAction.MarkLost, DealAction.Cancel, DealAction.RequestExtension],
            actions.Where(a => a.IsAllowed).Select(a => a.Action));
        var expire = Assert.Single(actions, a => a.AppliesInState && !a.IsAllowed);
        Assert.Equal(DealAction.Expire, expire.Action);
        Assert.Equal([DealGuardKeys.ProtectionEnded], expire.UnmetGuards);
        Assert.True(deal.CanReportSale && deal.CanMarkLost && deal.CanCancel);
        Assert.False(deal.CanSubmit || deal.CanApprove || deal.CanSendToReview || deal.CanReject || deal.CanGrantExtension || deal.CanRefuseExtension);
    }

    [Fact]
    public void Ten_thousand_random_actions_only_ever_make_the_changes_the_design_allows()
    {
        var walk = new RandomWalk<DealRegistration, DealStatus, DealAction>
        {
            Allowed = Allowed,
            Create = _ => DealBuilder.Draft().Build(),
            State = d => d.Status,
            Version = d => d.Version,
            Availability = (d, action, now) => d.Availability(action, now),
            Act = (d, action, now, wantInvalid, random) => Do(d, action, now, wantInvalid, random),
        };

        walk.Run(seed: 20260302, entities: 250, stepsPerEntity: 40);

        Assert.Equal(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)).ToHashSet(), walk.Observed);
        Assert.True(walk.Refusals > 1000, $"only {walk.Refusals} refusals");
    }
}
