using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// Market monitoring's automatic intake (DESIGN.md §4): a case a rule found — a quote or a sale below the uniform price,
/// a sale outside the territory — opened in the same transaction as the act that revealed it, linked to its deal and
/// sales report, and audited.
/// </summary>
public sealed class ViolationDetection(AuditTrail audit)
{
    /// <summary>The actor of automatically opened cases.</summary>
    public const string Actor = "system:monitoring";

    public async Task<ViolationCase> OpenAsync(PortalDbContext db, CaseToOpen found, int? dealId, int? salesReportId, DateTime at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(found);
        var violation = ViolationCase.FromDetection(found, Describe(found), at);
        violation.LinkTo(dealId, salesReportId);
        db.ViolationCases.Add(violation);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await audit.AppendAsync(db, AuditRecord.Of(Actor, AuditAction.ViolationDetected, AuditEntity.ViolationCase, violation.Id, after: CaseSnapshot.Of(violation)), ct).ConfigureAwait(false);
        return violation;
    }

    private static string Describe(CaseToOpen found) => found.Type == ViolationType.DiscountSelling
        ? "Sold or quoted below the uniform national price: " + string.Join("; ", found.Lines.Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.Sku} × {l.Quantity} at {l.UnitPrice:0.00} (uniform {l.UniformPrice:0.00})")))
        : $"Operated outside the territory without authorization: region {found.Region}";
}
