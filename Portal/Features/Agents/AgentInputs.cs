using Portal.Domain.Agents;

namespace Portal.Features.Agents;

/// <summary>A ChannelManager's regrading: a new tier, a new territory, or both (null keeps the current one), and why.</summary>
public sealed class AgentChangeInput
{
    /// <summary>Why the agent is regraded (1–1000 characters, required; kept in the audit trail).</summary>
    public string? Reason { get; set; }

    public AgentTier? Tier { get; set; }

    /// <summary>The whole new territory (region codes), replacing the current one.</summary>
    public IReadOnlyList<string>? Territory { get; set; }
}

/// <summary>A suspension: its last business day (default <c>Penalty:SuspensionDays</c> from today) and why.</summary>
public sealed class SuspensionInput
{
    public DateOnly? Until { get; set; }

    public string? Note { get; set; }
}
