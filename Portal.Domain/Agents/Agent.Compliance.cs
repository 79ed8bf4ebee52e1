using Portal.Domain.Common;

namespace Portal.Domain.Agents;

/// <summary>
/// What market monitoring does to an agent beyond the penalties its contract machine names: a sub-agent moves up when
/// its parent is disqualified, and a suspension lifted on appeal ends at once.
/// </summary>
public sealed partial class Agent
{
    /// <summary>An appeal can lift the suspension only while the agent is suspended.</summary>
    public bool CanLiftSuspension => Availability(AgentAction.Reinstate, default, default).AppliesInState;

    /// <summary>
    /// Disqualification cascade (DESIGN.md §4): the agent's parent was disqualified, so it moves under
    /// <paramref name="newParent"/> (the disqualified agent's parent), or becomes vendor-signed when that is null. The
    /// closure-table rows of the moved subtree are rewritten by the application in the same transaction (ADR 3).
    /// </summary>
    public void MoveUnder(Agent? newParent)
    {
        if (newParent is not null && (ReferenceEquals(newParent, this) || (Id != 0 && newParent.Id == Id)))
        {
            throw new ArgumentException("An agent cannot be its own parent.", nameof(newParent));
        }

        Parent = newParent;
        ParentId = newParent?.Id;
        Touch();
    }

    /// <summary>
    /// Suspended → Active before the suspension's end: an appeal lifted the Suspension penalty, so the suspension ends
    /// <paramref name="now"/>. It is the contract's own reinstatement (same transition, same guard), with the end
    /// brought forward.
    /// </summary>
    public void LiftSuspension(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        if (!CanLiftSuspension)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: only a suspended agent's suspension can be lifted, not one that is {Status}.");
        }

        if (SuspendedUntil is null || SuspendedUntil > now)
        {
            SuspendedUntil = now;
        }

        Reinstate(now);
    }
}
