using Portal.Domain.Agents;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// What the extension rule needs to know about a registration and its agent. <paramref name="ExtensionUsed"/> is set
/// when the extension is requested (a refused request uses it up too).
/// </summary>
public sealed record ExtensionSnapshot(DealStatus Status, DateTime? ProtectedUntil, bool ExtensionUsed, ContractStatus AgentStatus);
