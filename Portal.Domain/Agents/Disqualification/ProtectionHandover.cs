using Portal.Domain.Customers;

namespace Portal.Domain.Agents.Disqualification;

/// <summary>
/// What happens to one of the disqualified agent's protections: it ends (<see cref="End"/>), and when
/// <see cref="InheritedBy"/> is set the parent receives the customer with a new protection (basis Inherited) from the
/// cascade's instant until <see cref="InheritedUntil"/> — the remainder of the original.
/// </summary>
public sealed record ProtectionHandover(int ProtectionId, int CustomerId, ProtectionEnd End, int? InheritedBy, DateTime? InheritedUntil);
