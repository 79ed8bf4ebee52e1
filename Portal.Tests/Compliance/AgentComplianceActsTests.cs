using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Tests.Builders;

namespace Portal.Tests.Compliance;

/// <summary>What market monitoring does to an agent beside its contract's penalties: lifting a suspension, moving up a sub-agent.</summary>
public sealed class AgentComplianceActsTests
{
    [Fact]
    public void Lifting_a_suspension_reinstates_the_agent_before_the_suspension_ends()
    {
        var agent = AgentBuilder.Entity(ContractStatus.Active);
        agent.Suspend(TestTime.Days(30), TestTime.Now);
        var version = agent.Version;

        agent.LiftSuspension(TestTime.Days(2));

        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.Null(agent.SuspendedUntil);
        Assert.True(agent.Version > version);
    }

    [Theory]
    [InlineData(ContractStatus.Active)]
    [InlineData(ContractStatus.Revoked)]
    public void Only_a_suspended_agent_has_a_suspension_to_lift(ContractStatus status)
    {
        var agent = AgentBuilder.Entity(status);

        var refused = Assert.Throws<DomainException>(() => agent.LiftSuspension(TestTime.Days(2)));

        Assert.Equal(TransitionCode.NotAllowedInState, refused.Code);
        Assert.Equal(status, agent.Status);
    }

    [Fact]
    public void A_sub_agent_moves_under_its_new_parent_or_becomes_vendor_signed()
    {
        var grandparent = AgentBuilder.Entity(ContractStatus.Active);
        var agent = AgentBuilder.Entity(ContractStatus.Active);

        agent.MoveUnder(grandparent);
        var underGrandparent = agent.Parent;
        agent.MoveUnder(null);

        Assert.Same(grandparent, underGrandparent);
        Assert.Null(agent.Parent);
        Assert.Null(agent.ParentId);
        Assert.Throws<ArgumentException>(() => agent.MoveUnder(agent));
    }
}
