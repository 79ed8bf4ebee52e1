using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Tests.Builders;
using static Portal.Tests.StateMachines.AgentContractDesign;

namespace Portal.Tests.StateMachines;

/// <summary>The agent contract machine against DESIGN.md §5.1.</summary>
public sealed class AgentContractTests
{
    public static TheoryData<ContractStatus, AgentAction, ContractStatus> AllowedTransitions() =>
        Theories.Rows(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)));

    public static TheoryData<ContractStatus, AgentAction> ForbiddenTransitions() =>
        Theories.Rows(
            from state in Enum.GetValues<ContractStatus>()
            from action in Enum.GetValues<AgentAction>()
            where !Allowed.ContainsKey((state, action))
            select (state, action));

    public static TheoryData<ContractStatus> TerminalStates() => [.. Terminal];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_action_the_design_allows_moves_the_contract_to_its_target_state(ContractStatus from, AgentAction action, ContractStatus to)
    {
        var agent = AgentBuilder.Entity(from);
        var version = agent.Version;

        Assert.True(agent.Availability(action, Late, Day(Late)).IsAllowed);
        Do(agent, action, Late);

        Assert.Equal(to, agent.Status);
        Assert.True(agent.Version > version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void An_action_the_design_does_not_allow_from_a_state_is_refused_and_changes_nothing(ContractStatus from, AgentAction action)
    {
        var agent = AgentBuilder.Entity(from);
        var version = agent.Version;

        var availability = agent.Availability(action, Late, Day(Late));
        var error = Assert.Throws<DomainException>(() => Do(agent, action, Late));

        Assert.False(availability.AppliesInState);
        Assert.False(availability.IsAllowed);
        Assert.Empty(availability.UnmetGuards);
        Assert.Equal(TransitionCode.NotAllowedInState, error.Code);
        Assert.Contains(from.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(from, agent.Status);
        Assert.Equal(version, agent.Version);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void A_terminal_contract_refuses_every_action_at_any_time(ContractStatus terminal)
    {
        var agent = AgentBuilder.Entity(terminal);

        foreach (var now in new[] { TestTime.Now, TestTime.Days(45), Late, TestTime.Days(5000) })
        {
            foreach (var action in Enum.GetValues<AgentAction>())
            {
                Assert.Throws<DomainException>(() => Do(agent, action, now));
            }

            Assert.DoesNotContain(agent.Actions(now, Day(now)), a => a.AppliesInState);
            Assert.Throws<DomainException>(() => agent.SignDirectly(AgentBuilder.ContractStart, AgentBuilder.ContractEnd));
            Assert.Equal(terminal, agent.Status);
        }
    }

    [Fact]
    public void The_vendor_signs_an_applicant_directly_in_one_step()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Applied);

        agent.SignDirectly(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31));

        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.True(agent.IsActive);
        Assert.Equal(new DateOnly(2026, 1, 1), agent.ContractStart);
        Assert.Equal(new DateOnly(2028, 12, 31), agent.ContractEnd);
    }

    [Fact]
    public void Signing_directly_is_refused_once_the_application_is_under_review()
    {
        var agent = AgentBuilder.Entity(ContractStatus.UnderReview);

        Assert.False(agent.CanSignDirectly);
        var error = Assert.Throws<DomainException>(() => agent.SignDirectly(AgentBuilder.ContractStart, AgentBuilder.ContractEnd));

        Assert.Equal(TransitionCode.NotAllowedInState, error.Code);
        Assert.Equal(ContractStatus.UnderReview, agent.Status);
        Assert.Null(agent.ContractStart);
    }

    [Fact]
    public void A_contract_that_ends_before_it_starts_is_not_signed()
    {
        var agent = AgentBuilder.Entity(ContractStatus.UnderReview);

        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Sign(new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31)));

        Assert.Equal(ContractStatus.UnderReview, agent.Status);
    }

    [Fact]
    public void A_suspension_records_its_end_which_must_be_in_the_future()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Active);

        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Suspend(TestTime.Now, TestTime.Now));
        Assert.Equal(ContractStatus.Active, agent.Status);

        agent.Suspend(TestTime.Days(30), TestTime.Now);

        Assert.Equal(ContractStatus.Suspended, agent.Status);
        Assert.Equal(TestTime.Days(30), agent.SuspendedUntil);
        Assert.False(agent.IsActive);
    }

    [Fact]
    public void Reinstatement_waits_until_the_suspension_has_ended()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Suspended);
        var justBefore = AgentBuilder.SuspendedUntil.AddSeconds(-1);

        var early = agent.Availability(AgentAction.Reinstate, justBefore, Day(justBefore));
        var error = Assert.Throws<DomainException>(() => agent.Reinstate(justBefore));

        Assert.True(early.AppliesInState);
        Assert.Equal([AgentGuardKeys.SuspensionEnded], early.UnmetGuards);
        Assert.False(agent.CanReinstate(justBefore));
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.Contains(AgentGuardKeys.SuspensionEnded, error.Message, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Suspended, agent.Status);

        agent.Reinstate(AgentBuilder.SuspendedUntil);

        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.Null(agent.SuspendedUntil);
    }

    [Fact]
    public void A_suspended_agent_can_be_disqualified_and_keeps_no_suspension()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Suspended);

        agent.Revoke();

        Assert.Equal(ContractStatus.Revoked, agent.Status);
        Assert.Null(agent.SuspendedUntil);
    }

    [Fact]
    public void A_contract_expires_only_after_its_last_day()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Active);

        var onLastDay = agent.Availability(AgentAction.Expire, Late, AgentBuilder.ContractEnd);
        var error = Assert.Throws<DomainException>(() => agent.Expire(AgentBuilder.ContractEnd));

        Assert.Equal([AgentGuardKeys.ContractEnded], onLastDay.UnmetGuards);
        Assert.Equal(TransitionCode.GuardNotMet, error.Code);
        Assert.Equal(ContractStatus.Active, agent.Status);

        agent.Expire(AgentBuilder.ContractEnd.AddDays(1));

        Assert.Equal(ContractStatus.Expired, agent.Status);
    }

    [Fact]
    public void Renewal_gives_an_expired_contract_a_new_period()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Expired);

        agent.Renew(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));

        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.Equal(new DateOnly(2027, 1, 1), agent.ContractStart);
        Assert.Equal(new DateOnly(2027, 12, 31), agent.ContractEnd);
        Assert.False(agent.CanExpire(new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void Only_an_active_contract_makes_an_active_agent()
    {
        foreach (var status in Enum.GetValues<ContractStatus>())
        {
            Assert.Equal(status == ContractStatus.Active, AgentBuilder.Entity(status).IsActive);
        }
    }

    [Fact]
    public void The_actions_of_an_active_contract_show_expiry_held_back_by_its_guard()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Active);

        var actions = agent.Actions(TestTime.Now, TestTime.Today);

        Assert.Equal(Enum.GetValues<AgentAction>(), actions.Select(a => a.Action));
        Assert.Equal([AgentAction.Suspend, AgentAction.Revoke, AgentAction.Terminate], actions.Where(a => a.IsAllowed).Select(a => a.Action));
        var expire = Assert.Single(actions, a => a.AppliesInState && !a.IsAllowed);
        Assert.Equal(AgentAction.Expire, expire.Action);
        Assert.Equal([AgentGuardKeys.ContractEnded], expire.UnmetGuards);
        Assert.True(agent.CanSuspend && agent.CanRevoke && agent.CanTerminate);
        Assert.False(agent.CanStartReview || agent.CanSign || agent.CanReject || agent.CanRenew || agent.CanExpire(TestTime.Today));
    }

    [Fact]
    public void Ten_thousand_random_actions_only_ever_make_the_changes_the_design_allows()
    {
        var walk = new RandomWalk<Agent, ContractStatus, AgentAction>
        {
            Allowed = Allowed,
            Create = random => WithDeadline(AgentBuilder.Entity(ContractStatus.Applied), TestTime.Days(random.Next(2) == 0 ? random.Next(1, 60) : 5000)),
            State = a => a.Status,
            Version = a => a.Version,
            Availability = (a, action, now) => a.Availability(action, now, Day(now)),
            Act = (a, action, now, wantInvalid, random) => Do(a, action, now, wantInvalid, random),
        };

        walk.Run(seed: 20260302, entities: 200, stepsPerEntity: 50);

        Assert.Empty(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)).Except(walk.Observed));
        Assert.Equal(Allowed.Select(t => (t.Key.From, t.Key.Action, t.Value)).ToHashSet(), walk.Observed);
        Assert.True(walk.Refusals > 1000, $"only {walk.Refusals} refusals");
    }

    private static Agent WithDeadline(Agent agent, DateTime deadline)
    {
        agent.SetReviewDeadline(deadline);
        return agent;
    }
}
