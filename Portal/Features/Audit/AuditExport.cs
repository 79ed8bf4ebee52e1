using System.Globalization;
using Portal.Auth;
using Portal.Features.Exports;

namespace Portal.Features.Audit;

/// <summary>The audit log as a file (<c>/api/v1/audit/export</c>, <c>/exports/audit</c>), full hashes included.</summary>
public static class AuditExport
{
    public const string List = "audit";

    public const string Policy = PortalPolicies.ReadAudit;

    public static IReadOnlyList<ExportColumn<AuditRow>> Columns { get; } = new ExportColumns<AuditRow>()
        .Number("#", e => e.Sequence)
        .Instant("Audit_At", e => e.At)
        .Text("Audit_Actor", e => e.Actor)
        .Label("Audit_Action", e => $"AuditAction_{e.Action}")
        .Label("Audit_Entity", e => $"AuditEntity_{e.EntityType}")
        .Text("Audit_EntityId", e => e.EntityId)
        .Text("Audit_Reasons", e => e.ReasonCodes)
        .Text("SHA-256", e => e.Hash)
        .All;

    /// <summary>The log's filter as <c>GET /api/v1/audit/export</c> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            new("search", filter.Search),
            new("entity", filter.Entity?.ToString()),
            new("entityId", filter.Entity is null ? null : filter.EntityId),
            new("actor", filter.Actor),
            new("action", filter.Action?.ToString()),
            new("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];
    }
}
