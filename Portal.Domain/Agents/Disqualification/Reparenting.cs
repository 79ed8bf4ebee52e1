namespace Portal.Domain.Agents.Disqualification;

/// <summary>A direct sub-agent of the disqualified agent and its new parent (null: now signed by the vendor directly).</summary>
public sealed record Reparenting(int AgentId, string AgentCode, int? NewParentId);
