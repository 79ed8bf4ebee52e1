using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;

namespace Portal.Features.Compliance;

/// <summary>
/// Keeps the closure table of the agent hierarchy (ADR 3) true when a subtree moves: the moved agent and all its
/// descendants lose their links to their old ancestors and gain links to the new parent and every ancestor of it,
/// while the links inside the subtree stay as they are.
/// </summary>
internal static class HierarchyClosure
{
    /// <summary>
    /// Rewrites the links of the subtree rooted at <paramref name="rootId"/>, which now hangs under
    /// <paramref name="newParentId"/> (null: vendor-signed, no ancestor left). Runs in the caller's transaction.
    /// </summary>
    public static async Task MoveSubtreeAsync(PortalDbContext db, int rootId, int? newParentId, CancellationToken cancellationToken)
    {
        var subtree = await db.AgentLinks.AsNoTracking()
            .Where(l => l.AncestorId == rootId)
            .Select(l => new { l.DescendantId, l.Depth })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = subtree.Select(s => s.DescendantId).ToList();

        // Cut the subtree loose: every link from outside it into it goes.
        await db.AgentLinks
            .Where(l => members.Contains(l.DescendantId) && !members.Contains(l.AncestorId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        if (newParentId is not { } parentId)
        {
            return;
        }

        // Hang it under the new parent: each of the parent's ancestors (itself at depth 0) is one level further
        // from each member than it is from the parent.
        var ancestors = await db.AgentLinks.AsNoTracking()
            .Where(l => l.DescendantId == parentId)
            .Select(l => new { l.AncestorId, l.Depth })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ancestor in ancestors)
        {
            foreach (var member in subtree)
            {
                db.AgentLinks.Add(new AgentLink(ancestor.AncestorId, member.DescendantId, ancestor.Depth + member.Depth + 1));
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
