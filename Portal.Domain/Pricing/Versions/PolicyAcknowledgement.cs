using Portal.Domain.Common;

namespace Portal.Domain.Pricing.Versions;

/// <summary>
/// An agent's acknowledgement of a price list version (DESIGN.md §9): one of its users has read it. One per agent and
/// version; the first one counts.
/// </summary>
public sealed class PolicyAcknowledgement
{
    public const int UserMaxLength = 256;

    private PolicyAcknowledgement()
    {
    }

    public PolicyAcknowledgement(int versionId, int agentId, string acknowledgedBy, DateTime acknowledgedAt)
    {
        VersionId = versionId;
        AgentId = agentId;
        AcknowledgedBy = Guard.Text(acknowledgedBy, UserMaxLength, nameof(acknowledgedBy));
        AcknowledgedAt = Guard.Utc(acknowledgedAt, nameof(acknowledgedAt));
    }

    public int Id { get; private set; }

    public int VersionId { get; private set; }

    public int AgentId { get; private set; }

    /// <summary>The user who acknowledged, by e-mail.</summary>
    public string AcknowledgedBy { get; private set; } = string.Empty;

    public DateTime AcknowledgedAt { get; private set; }
}
