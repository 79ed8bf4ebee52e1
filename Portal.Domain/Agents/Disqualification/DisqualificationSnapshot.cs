using Portal.Domain.Authorizations;
using Portal.Domain.Customers;

namespace Portal.Domain.Agents.Disqualification;

/// <summary>
/// The part of the agent tree and of the agent's records the cascade works on: at least the agent, its parent and
/// its direct sub-agents, and the agent's deals, open protections and authorizations (extra rows are ignored).
/// </summary>
public sealed record DisqualificationSnapshot(
    IReadOnlyCollection<AgentSnapshot> Agents,
    IReadOnlyList<DealRef> Deals,
    IReadOnlyList<ProtectionSnapshot> Protections,
    IReadOnlyList<AuthorizationSnapshot> Authorizations);
