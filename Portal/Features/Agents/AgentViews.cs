using Portal.Domain.Agents;
using Portal.Domain.Common;

namespace Portal.Features.Agents;

/// <summary>An agent in the hierarchy view: enough to draw a node, and whether it can be expanded (<see cref="ChildCount"/>).</summary>
public sealed record AgentNode(int Id, string Code, string LegalName, AgentTier Tier, ContractStatus Status, IReadOnlyList<RegionLabel> Territory, int ChildCount);

/// <summary>An agent of a reseller's subtree and how many levels below the reseller's own agent it is (1: a direct sub-agent).</summary>
public sealed record SubAgentRow(int Depth, string Code, string LegalName, AgentTier Tier, ContractStatus Status, string? ParentCode, IReadOnlyList<RegionLabel> Territory, DateOnly? ContractEnd);

/// <summary>One page of one level of the hierarchy, and whether more agents follow on that level.</summary>
public sealed record AgentLevel(IReadOnlyList<AgentNode> Nodes, bool HasMore);

/// <summary>
/// The contract's state and dates (both days included); <see cref="SuspendedUntil"/> while suspended; <see cref="DecideBy"/>
/// while the agent is an application waiting for the vendor: the last business day of that decision (ADR 28).
/// </summary>
public sealed record AgentContract(ContractStatus Status, DateOnly? Start, DateOnly? End, DateTime? SuspendedUntil, DateOnly? DecideBy = null);

public sealed record AgentContacts(string? Name, string? Phone, string? Email);

/// <summary>
/// One agent as its page shows it. <see cref="Parent"/> is null for a vendor-signed agent, and for a reseller looking
/// at its own agent (an ancestor is outside what it may see, ADR 8). <see cref="Actions"/> are the contract actions a
/// ChannelManager can take from the agent's state, each allowed or held back by the listed guard keys; empty for
/// everyone else.
/// </summary>
public sealed record AgentDetail(
    int Id,
    string Code,
    string LegalName,
    string Uscc,
    AgentTier Tier,
    AgentNode? Parent,
    IReadOnlyList<AgentNode> Children,
    IReadOnlyList<RegionLabel> Territory,
    AgentContract Contract,
    AgentContacts Contacts,
    DateTime CreatedAt,
    IReadOnlyList<ActionAvailability<AgentAction>> Actions);
