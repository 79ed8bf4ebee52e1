using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Tests.Builders;
using static Portal.Tests.StateMachines.CrossRegionAuthorizationDesign;

namespace Portal.Tests.StateMachines;

/// <summary>The cross-region authorization machine against DESIGN.md §5.3.</summary>
public sealed class CrossRegionAuthorizationTests
{
    public static TheoryData<AuthorizationStatus, AuthorizationAction, AuthorizationStatus> AllowedTransitions() =>
        Theories.Rows(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)));

    public static TheoryData<AuthorizationStatus, AuthorizationAction> ForbiddenTransitions() =>
        Theories.Rows(
            from state in Enum.GetValues<AuthorizationStatus>()
            from action in Enum.GetValues<AuthorizationAction>()
            where !Allowed.ContainsKey((state, action))
            select (state, action));

    public static TheoryData<AuthorizationStatus> TerminalStates() => [.. Terminal];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_action_the_design_allows_moves_the_authorization_to_its_target_state(AuthorizationStatus from, AuthorizationAction action, AuthorizationStatus to)
    {
        var authorization = AuthorizationBuilder.In(from).Build();
        var version = authorization.Version;

        Assert.True(authorization.Availability(action, LateDay, At(LateDay)).IsAllowed);
        Do(authorization, action, LateDay);

        Assert.Equal(to, authorization.Status);
        Assert.True(authorization.Version > version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void An_action_the_design_does_not_allow_from_a_state_is_refused_and_changes_nothing(AuthorizationStatus from, AuthorizationAction action)
    {
        var authorization = AuthorizationBuilder.In(from).Build();
        var version = authorization.Version;

        var availability = authorization.Availability(action, LateDay);
        var error = Assert.Throws<DomainException>(() => Do(authorization, action, LateDay));

        Assert.False(availability.AppliesInState);
        Assert.False(availability.IsAllowed);
        Assert.Empty(availability.UnmetGuards);
        Assert.Equal(TransitionCode.NotAllowedInState, error.Code);
        Assert.Equal(from, authorization.Status);
        Assert.Equal(version, authorization.Version);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void A_terminal_authorization_refuses_every_action_on_any_day(AuthorizationStatus terminal)
    {
        var authorization = AuthorizationBuilder.In(terminal).Build();

        foreach (var today in new[] { AuthorizationBuilder.ValidFrom, AuthorizationBuilder.ValidUntil, LateDay, LateDay.AddYears(10) })
        {
            foreach (var action in Enum.GetValues<AuthorizationAction>())
            {
                Assert.Throws<DomainException>(() => Do(authorization, action, today));
            }

            Assert.DoesNotContain(authorization.Actions(today), a => a.AppliesInState);
            Assert.Equal(terminal, authorization.Status);
        }
    }

    [Fact]
    public void Approval_records_the_decider_and_the_note()
    {
        var authorization = AuthorizationBuilder.Requested().Build();

        authorization.Approve(AuthorizationBuilder.Manager, TestTime.Days(1), "总部统一采购");

        Assert.Equal(AuthorizationStatus.Approved, authorization.Status);
        Assert.Equal(AuthorizationBuilder.Manager, authorization.DecidedBy);
        Assert.Equal(TestTime.Days(1), authorization.DecidedAt);
        Assert.Equal("总部统一采购", authorization.DecisionNote);
    }

    [Fact]
    public void A_rejection_needs_a_decider_and_a_note()
    {
        var authorization = AuthorizationBuilder.Requested().Build();

        Assert.Throws<ArgumentException>(() => authorization.Reject(AuthorizationBuilder.Manager, TestTime.Days(1), " "));
        Assert.Throws<ArgumentException>(() => authorization.Reject(string.Empty, TestTime.Days(1), "该区域已有授权代理"));
        Assert.Equal(AuthorizationStatus.Requested, authorization.Status);
        Assert.Null(authorization.DecidedBy);

        authorization.Reject(AuthorizationBuilder.Manager, TestTime.Days(1), "该区域已有授权代理");

        Assert.Equal(AuthorizationStatus.Rejected, authorization.Status);
        Assert.Equal("该区域已有授权代理", authorization.DecisionNote);
    }

    [Fact]
    public void An_authorization_expires_only_after_its_last_valid_day()
    {
        var authorization = AuthorizationBuilder.In(AuthorizationStatus.Approved).Build();

        var onLastDay = authorization.Availability(AuthorizationAction.Expire, AuthorizationBuilder.ValidUntil);
        var error = Assert.Throws<DomainException>(() => authorization.Expire(AuthorizationBuilder.ValidUntil));

        Assert.True(onLastDay.AppliesInState);
        Assert.Equal([AuthorizationGuardKeys.ValidityEnded], onLastDay.UnmetGuards);
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.False(authorization.CanExpire(AuthorizationBuilder.ValidUntil));
        Assert.Equal(AuthorizationStatus.Approved, authorization.Status);

        authorization.Expire(AuthorizationBuilder.ValidUntil.AddDays(1));

        Assert.Equal(AuthorizationStatus.Expired, authorization.Status);
    }

    [Fact]
    public void A_revocation_keeps_the_approval_on_record()
    {
        var authorization = AuthorizationBuilder.In(AuthorizationStatus.Approved).Build();

        authorization.Revoke();

        Assert.Equal(AuthorizationStatus.Revoked, authorization.Status);
        Assert.Equal(AuthorizationBuilder.Manager, authorization.DecidedBy);
    }

    [Fact]
    public void The_actions_of_a_request_are_approval_and_rejection()
    {
        var authorization = AuthorizationBuilder.Requested().Build();

        var actions = authorization.Actions(TestTime.Today);

        Assert.Equal([AuthorizationAction.Approve, AuthorizationAction.Reject], actions.Where(a => a.IsAllowed).Select(a => a.Action));
        Assert.Equal([AuthorizationAction.TimeOut], actions.Where(a => a.AppliesInState && !a.IsAllowed).Select(a => a.Action));
        Assert.Equal([AuthorizationGuardKeys.RequestDeadlinePassed], actions.Single(a => a.Action == AuthorizationAction.TimeOut).UnmetGuards);
        Assert.True(authorization.CanApprove && authorization.CanReject);
        Assert.False(authorization.CanRevoke);
    }

    [Fact]
    public void Ten_thousand_random_actions_only_ever_make_the_changes_the_design_allows()
    {
        var walk = new RandomWalk<CrossRegionAuthorization, AuthorizationStatus, AuthorizationAction>
        {
            Allowed = Allowed,
            Create = _ => AuthorizationBuilder.Requested().Build(),
            State = a => a.Status,
            Version = a => a.Version,
            Availability = (a, action, now) => a.Availability(action, Day(now), At(Day(now))),
            Act = (a, action, now, wantInvalid, _) => Do(a, action, Day(now), wantInvalid),
        };

        walk.Run(seed: 20260302, entities: 500, stepsPerEntity: 20);

        Assert.Equal(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)).ToHashSet(), walk.Observed);
        Assert.True(walk.Refusals > 1000, $"only {walk.Refusals} refusals");
    }
}
