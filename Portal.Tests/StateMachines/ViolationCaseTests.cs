using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Tests.Builders;
using static Portal.Tests.StateMachines.ViolationCaseDesign;

namespace Portal.Tests.StateMachines;

/// <summary>The violation case machine against DESIGN.md §5.4.</summary>
public sealed class ViolationCaseTests
{
    public static TheoryData<CaseState, CaseAction, CaseState> AllowedTransitions() =>
        Theories.Rows(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)));

    public static TheoryData<CaseState, CaseAction> ForbiddenTransitions() =>
        Theories.Rows(
            from state in Enum.GetValues<CaseState>()
            from action in Enum.GetValues<CaseAction>()
            where !Allowed.ContainsKey((state, action))
            select (state, action));

    public static TheoryData<CaseState> TerminalStates() => [.. Terminal];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_action_the_design_allows_moves_the_case_to_its_target_state(CaseState from, CaseAction action, CaseState to)
    {
        var violation = CaseBuilder.In(from).Build();
        var now = MomentFor(action);
        var version = violation.Version;

        Assert.True(violation.Availability(action, now).IsAllowed);
        Do(violation, action, now);

        Assert.Equal(to, violation.State);
        Assert.True(violation.Version > version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void An_action_the_design_does_not_allow_from_a_state_is_refused_and_changes_nothing(CaseState from, CaseAction action)
    {
        var violation = CaseBuilder.In(from).Build();
        var now = MomentFor(action);
        var version = violation.Version;

        var availability = violation.Availability(action, now);
        var error = Assert.Throws<DomainException>(() => Do(violation, action, now));

        Assert.False(availability.AppliesInState);
        Assert.False(availability.IsAllowed);
        Assert.Empty(availability.UnmetGuards);
        Assert.Equal(TransitionCode.NotAllowedInState, error.Code);
        Assert.Equal(from, violation.State);
        Assert.Equal(version, violation.Version);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void A_terminal_case_refuses_every_action_at_any_time(CaseState terminal)
    {
        var violation = CaseBuilder.In(terminal).Build();

        foreach (var now in new[] { TestTime.Now, CaseBuilder.PenalizedAt.AddDays(1), CaseBuilder.AppealDeadline, TestTime.Days(5000) })
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                Assert.Throws<DomainException>(() => Do(violation, action, now));
            }

            Assert.DoesNotContain(violation.Actions(now), a => a.AppliesInState);
            Assert.Throws<DomainException>(() => violation.IdentifySubject(8));
            Assert.Equal(terminal, violation.State);
        }
    }

    [Fact]
    public void A_case_is_confirmed_only_once_its_subject_agent_is_identified()
    {
        var violation = CaseBuilder.In(CaseState.UnderInvestigation).WithoutSubjectAgent().Build();

        var availability = violation.Availability(CaseAction.Confirm, TestTime.Days(1));
        var error = Assert.Throws<DomainException>(() => violation.Confirm(TestTime.Days(1)));

        Assert.Equal([CaseGuardKeys.SubjectAgentIdentified], availability.UnmetGuards);
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.False(violation.CanConfirm);
        Assert.True(violation.CanDismiss);

        violation.IdentifySubject(CaseBuilder.SubjectAgentId);
        violation.Confirm(TestTime.Days(1), severe: true);

        Assert.Equal(CaseState.Confirmed, violation.State);
        Assert.Equal(CaseBuilder.SubjectAgentId, violation.SubjectAgentId);
        Assert.Equal(TestTime.Days(1), violation.ConfirmedAt);
        Assert.True(violation.Severe);
    }

    [Fact]
    public void The_subject_cannot_change_once_the_case_is_confirmed()
    {
        var violation = CaseBuilder.In(CaseState.Confirmed).Build();

        Assert.False(violation.CanIdentifySubject);
        Assert.Throws<DomainException>(() => violation.IdentifySubject(8));
        Assert.Equal(CaseBuilder.SubjectAgentId, violation.SubjectAgentId);
    }

    [Fact]
    public void A_penalty_is_recorded_with_an_appeal_window_of_the_days_passed_in()
    {
        var violation = CaseBuilder.In(CaseState.Confirmed).Build();

        violation.Penalize(PenaltyKind.Fine, 1234.565m, "第二次确认违规", CaseBuilder.PenalizedAt, CaseBuilder.PenalizedAt.AddDays(15));

        Assert.Equal(CaseState.Penalized, violation.State);
        Assert.Equal(PenaltyKind.Fine, violation.Penalty);
        Assert.Equal(1234.57m, violation.FineAmount);
        Assert.Equal("第二次确认违规", violation.PenaltyReason);
        Assert.Equal(CaseBuilder.PenalizedAt, violation.PenalizedAt);
        Assert.Equal(CaseBuilder.PenalizedAt.AddDays(15), violation.AppealDeadline);
    }

    [Fact]
    public void Only_a_fine_has_an_amount_and_every_penalty_has_a_reason()
    {
        var violation = CaseBuilder.In(CaseState.Confirmed).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => violation.Penalize(PenaltyKind.Warning, 100m, "警告", CaseBuilder.PenalizedAt, CaseBuilder.PenalizedAt.AddDays(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => violation.Penalize(PenaltyKind.Fine, 0m, "罚款", CaseBuilder.PenalizedAt, CaseBuilder.PenalizedAt.AddDays(15)));
        Assert.Throws<ArgumentException>(() => violation.Penalize(PenaltyKind.Warning, null, " ", CaseBuilder.PenalizedAt, CaseBuilder.PenalizedAt.AddDays(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => violation.Penalize(PenaltyKind.Warning, null, "警告", CaseBuilder.PenalizedAt, CaseBuilder.PenalizedAt.AddDays(-1)));

        Assert.Equal(CaseState.Confirmed, violation.State);
        Assert.Null(violation.Penalty);
    }

    [Fact]
    public void An_appeal_is_accepted_only_before_the_deadline()
    {
        var atDeadline = CaseBuilder.In(CaseState.Penalized).Build();

        var late = atDeadline.Availability(CaseAction.Appeal, CaseBuilder.AppealDeadline);
        var error = Assert.Throws<DomainException>(() => atDeadline.Appeal(CaseBuilder.AppealDeadline));

        Assert.Equal([CaseGuardKeys.AppealWindowOpen], late.UnmetGuards);
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.Equal(CaseState.Penalized, atDeadline.State);

        var justBefore = CaseBuilder.In(CaseState.Penalized).Build();
        justBefore.Appeal(CaseBuilder.AppealDeadline.AddSeconds(-1));

        Assert.Equal(CaseState.Appealed, justBefore.State);
    }

    [Fact]
    public void An_unappealed_penalty_closes_once_the_window_has_passed()
    {
        var violation = CaseBuilder.In(CaseState.Penalized).Build();
        var justBefore = CaseBuilder.AppealDeadline.AddSeconds(-1);

        Assert.Equal([CaseGuardKeys.AppealWindowClosed], violation.Availability(CaseAction.Close, justBefore).UnmetGuards);
        Assert.Throws<DomainException>(() => violation.Close(justBefore));
        Assert.False(violation.CanClose(justBefore));
        Assert.True(violation.CanAppeal(justBefore));

        violation.Close(CaseBuilder.AppealDeadline);

        Assert.Equal(CaseState.Closed, violation.State);
        Assert.Equal(CaseBuilder.AppealDeadline, violation.ClosedAt);
        Assert.Equal(PenaltyKind.Fine, violation.Penalty);
        Assert.False(violation.PenaltyLifted);
    }

    [Fact]
    public void An_appeal_that_fails_keeps_the_penalty()
    {
        var violation = CaseBuilder.In(CaseState.Appealed).Build();

        violation.UpholdPenalty(TestTime.Days(30));

        Assert.Equal(CaseState.Closed, violation.State);
        Assert.Equal(PenaltyKind.Fine, violation.Penalty);
        Assert.Equal(5000m, violation.FineAmount);
        Assert.False(violation.PenaltyLifted);
        Assert.Equal(TestTime.Days(30), violation.ClosedAt);
    }

    [Fact]
    public void An_appeal_that_succeeds_lifts_the_penalty_and_says_so()
    {
        var violation = CaseBuilder.In(CaseState.Appealed).Build();

        violation.LiftPenalty(TestTime.Days(30));

        Assert.Equal(CaseState.Closed, violation.State);
        Assert.Null(violation.Penalty);
        Assert.Null(violation.FineAmount);
        Assert.True(violation.PenaltyLifted);
        Assert.Equal(CaseBuilder.PenalizedAt, violation.PenalizedAt);
    }

    [Fact]
    public void A_dismissed_case_records_when_it_was_closed()
    {
        var violation = CaseBuilder.In(CaseState.UnderInvestigation).Build();

        violation.Dismiss(TestTime.Days(3));

        Assert.Equal(CaseState.Dismissed, violation.State);
        Assert.Equal(TestTime.Days(3), violation.ClosedAt);
        Assert.False(violation.PenaltyLifted);
    }

    [Fact]
    public void The_actions_of_a_penalized_case_follow_the_appeal_window()
    {
        var violation = CaseBuilder.In(CaseState.Penalized).Build();

        var during = violation.Actions(CaseBuilder.AppealDeadline.AddDays(-1));
        var after = violation.Actions(CaseBuilder.AppealDeadline);

        Assert.Equal([CaseAction.Appeal], during.Where(a => a.IsAllowed).Select(a => a.Action));
        Assert.Equal([CaseGuardKeys.AppealWindowClosed], during.Single(a => a.Action == CaseAction.Close).UnmetGuards);
        Assert.Equal([CaseAction.Close], after.Where(a => a.IsAllowed).Select(a => a.Action));
        Assert.Equal([CaseGuardKeys.AppealWindowOpen], after.Single(a => a.Action == CaseAction.Appeal).UnmetGuards);
        Assert.False(violation.CanStartInvestigation || violation.CanConfirm || violation.CanPenalize || violation.CanUpholdPenalty || violation.CanLiftPenalty);
    }

    [Fact]
    public void Ten_thousand_random_actions_only_ever_make_the_changes_the_design_allows()
    {
        var walk = new RandomWalk<ViolationCase, CaseState, CaseAction>
        {
            Allowed = Allowed,
            Create = random => (random.Next(2) == 0 ? CaseBuilder.Reported() : CaseBuilder.Reported().WithoutSubjectAgent()).Build(),
            State = c => c.State,
            Version = c => c.Version,
            Availability = (c, action, now) => c.Availability(action, now),
            Act = (c, action, now, wantInvalid, random) => Do(c, action, now, wantInvalid, random),
            SideStep = (c, random) =>
            {
                if (c.CanIdentifySubject)
                {
                    c.IdentifySubject(random.Next(1, 100));
                }
            },
        };

        walk.Run(seed: 20260302, entities: 250, stepsPerEntity: 40);

        Assert.Equal(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)).ToHashSet(), walk.Observed);
        Assert.True(walk.Refusals > 1000, $"only {walk.Refusals} refusals");
    }
}
