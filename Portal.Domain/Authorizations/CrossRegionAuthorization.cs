using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Domain.Authorizations;

/// <summary>
/// Regional protection's one exception (跨区授权): the vendor's formal, time-bound permission for an agent to
/// operate in a region outside its territory, optionally for one customer only. Its life is a state machine
/// (CrossRegionAuthorization.StateMachine.cs).
/// </summary>
public sealed partial class CrossRegionAuthorization
{
    public const int ReasonMaxLength = 1000;
    public const int DecidedByMaxLength = 256;

    private CrossRegionAuthorization()
    {
    }

    public CrossRegionAuthorization(int agentId, RegionCode region, int? customerId, DateOnly validFrom, DateOnly validUntil, string reason, DateTime requestedAt)
    {
        if (validUntil < validFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(validUntil), "The validity window ends after it starts.");
        }

        AgentId = agentId;
        RegionCode = region.Value;
        CustomerId = customerId;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Reason = Guard.Text(reason, ReasonMaxLength, nameof(reason));
        RequestedAt = Guard.Utc(requestedAt, nameof(requestedAt));
        Status = AuthorizationStatus.Requested;
    }

    public int Id { get; private set; }

    public int AgentId { get; private set; }

    public string RegionCode { get; private set; } = string.Empty;

    public int? CustomerId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day the authorization is valid (included).</summary>
    public DateOnly ValidUntil { get; private set; }

    public AuthorizationStatus Status { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public DateTime RequestedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>When a request nobody decided lapses (ADR 28); set when it is made.</summary>
    public DateTime? ReviewDeadline { get; private set; }

    public int Version { get; private set; }
}
