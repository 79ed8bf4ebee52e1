using Portal.Domain.Agents;

namespace Portal.Features.Agents;

/// <summary>An agent after an administration use case changed it.</summary>
public sealed record AgentUpdated(int Id, string Code, AgentTier Tier, ContractStatus Status);
