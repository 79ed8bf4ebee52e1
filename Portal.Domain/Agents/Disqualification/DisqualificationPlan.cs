namespace Portal.Domain.Agents.Disqualification;

/// <summary>
/// Everything a disqualification changes, as data: the application carries it out in one transaction and audits
/// each step. The contract's transition to Revoked belongs to the agent's state machine; the plan names it so the
/// transaction does it too.
/// </summary>
public sealed record DisqualificationPlan(
    int AgentId,
    string AgentCode,
    DateTime At,
    ContractStatus NewStatus,
    IReadOnlyList<int> DealsToCancel,
    IReadOnlyList<ProtectionHandover> Protections,
    IReadOnlyList<Reparenting> SubAgents,
    IReadOnlyList<int> AuthorizationsToRevoke,
    IReadOnlyList<CascadeNotice> Notices);
