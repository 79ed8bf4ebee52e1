using System.Globalization;

namespace Portal.Domain.Audit;

/// <summary>
/// What one audit entry says, before it is chained: who (<see cref="Actor"/>: an e-mail, or <c>system:…</c>) did what
/// (<see cref="Action"/>) to which record (<see cref="Entity"/> and <see cref="EntityId"/>), the record's relevant state
/// before and after (plain objects, written as compact JSON), and the reason codes of the decision.
/// </summary>
public sealed record AuditRecord(
    string Actor,
    AuditAction Action,
    AuditEntity Entity,
    string EntityId,
    object? Before = null,
    object? After = null,
    IReadOnlyList<string>? ReasonCodes = null)
{
    /// <summary>A record about an entity with a numeric id.</summary>
    public static AuditRecord Of(string actor, AuditAction action, AuditEntity entity, int entityId, object? before = null, object? after = null, IReadOnlyList<string>? reasonCodes = null) =>
        new(actor, action, entity, entityId.ToString(CultureInfo.InvariantCulture), before, after, reasonCodes);
}
