using Portal.Domain.Deals;

namespace Portal.Domain.Agents.Disqualification;

/// <summary>One of the agent's deal registrations, as the cascade sees it.</summary>
public sealed record DealRef(int Id, int AgentId, int CustomerId, DealStatus Status);
