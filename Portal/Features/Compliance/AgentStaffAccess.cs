using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>
/// Who may act on a case as its agent's staff — appeal its penalty, add files to the appeal — decided once for every such
/// use case, which load the case through the whole channel's context. Compliance may always; a reseller only on a
/// confirmed case about its own agent. A confirmed case about one of its sub-agents is visible to it but not its to act
/// on (403); any other case — another branch's, or one not yet confirmed — does not exist for it (404, ADR 8 and 22).
/// </summary>
internal static class AgentStaffAccess
{
    /// <summary>Null when the caller may act; otherwise the refusal to answer (or <see cref="AccessDeniedException"/>).</summary>
    public static async Task<Refusal?> RefusalAsync(PortalDbContext db, CurrentUser user, ViolationCase violation, CancellationToken ct)
    {
        if (user.May(PortalPolicies.WorkCases))
        {
            return null;
        }

        if (violation.ConfirmedAt is null)
        {
            return Refusal.NotFound;
        }

        if (violation.SubjectAgentId == user.AgentId)
        {
            return null;
        }

        var visible = violation.SubjectAgentId is { } subject && user.AgentId is { } own
            && await db.AgentLinks.AnyAsync(l => l.AncestorId == own && l.DescendantId == subject, ct).ConfigureAwait(false);
        AccessDeniedException.Unless(!visible);
        return Refusal.NotFound;
    }
}
