using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Tests.StateMachines;
using Portal.Tests.StateMachines.Builders;

namespace Portal.Tests.Compliance;

/// <summary>What market monitoring does to an agent beside its contract's penalties: lifting a suspension, moving up a sub-agent.</summary>
public sealed class AgentComplianceActsTests
{
    [Fact]
    public void Lifting_a_suspension_reinstates_the_agent_before_the_suspension_ends()
    {
        var agent = AgentBuilder.In(ContractStatus.Active).Build();
        agent.Suspend(Moments.Days(30), Moments.T0);
        var version = agent.Version;

        agent.LiftSuspension(Moments.Days(2));

        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.Null(agent.SuspendedUntil);
        Assert.True(agent.Version > version);
    }

    [Theory]
    [InlineData(ContractStatus.Active)]
    [InlineData(ContractStatus.Revoked)]
    public void Only_a_suspended_agent_has_a_suspension_to_lift(ContractStatus status)
    {
        var agent = AgentBuilder.In(status).Build();

        var refused = Assert.Throws<DomainException>(() => agent.LiftSuspension(Moments.Days(2)));

        Assert.Equal(TransitionCode.NotAllowedInState, refused.Code);
        Assert.Equal(status, agent.Status);
    }

    [Fact]
    public void A_sub_agent_moves_under_its_new_parent_or_becomes_vendor_signed()
    {
        var grandparent = AgentBuilder.In(ContractStatus.Active).Build();
        var agent = AgentBuilder.In(ContractStatus.Active).Build();

        agent.MoveUnder(grandparent);
        var underGrandparent = agent.Parent;
        agent.MoveUnder(null);

        Assert.Same(grandparent, underGrandparent);
        Assert.Null(agent.Parent);
        Assert.Null(agent.ParentId);
        Assert.Throws<ArgumentException>(() => agent.MoveUnder(agent));
    }
}
