namespace Portal.Domain.Agents.Disqualification;

/// <summary>Why an affected agent is told about a disqualification.</summary>
public enum CascadeNoticeKind
{
    /// <summary>The agent itself: its qualification is cancelled.</summary>
    Disqualified,

    /// <summary>Its parent: receives its customers (when Active) and its sub-agents.</summary>
    SubAgentDisqualified,

    /// <summary>A direct sub-agent: has a new parent, or is now signed by the vendor.</summary>
    ParentDisqualified,
}

/// <summary>An affected party to notify.</summary>
public sealed record CascadeNotice(int AgentId, string AgentCode, CascadeNoticeKind Kind);
