using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Agents;

namespace Portal.Features.Agents;

public sealed record AgentRow(int Id, string Code, string LegalName, AgentTier Tier, ContractStatus Status, string? ParentCode, IReadOnlyList<string> Territory, DateOnly? ContractEnd);

public sealed record AgentFilter(string? Search, AgentTier? Tier, ContractStatus? Status);

/// <summary>The channel's agents, for the vendor's staff: paged, filtered and sorted in the database.</summary>
public sealed class AgentDirectory(PortalData data)
{
    public async Task<PagedResult<AgentRow>> SearchAsync(CurrentUser user, AgentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        AccessDeniedException.Unless(user.IsInRole(PortalRoles.ChannelManager) || user.IsInRole(PortalRoles.Compliance));

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var query = db.Agents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var code = term.ToUpperInvariant();
            query = query.Where(a => a.Code.Contains(code) || a.LegalName.Contains(term));
        }

        if (filter.Tier is { } tier)
        {
            query = query.Where(a => a.Tier == tier);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        query = (page.SortBy, page.Descending) switch
        {
            (nameof(AgentRow.LegalName), false) => query.OrderBy(a => a.LegalName),
            (nameof(AgentRow.LegalName), true) => query.OrderByDescending(a => a.LegalName),
            (nameof(AgentRow.Tier), false) => query.OrderBy(a => a.Tier).ThenBy(a => a.Code),
            (nameof(AgentRow.Tier), true) => query.OrderByDescending(a => a.Tier).ThenBy(a => a.Code),
            (nameof(AgentRow.Status), false) => query.OrderBy(a => a.Status).ThenBy(a => a.Code),
            (nameof(AgentRow.Status), true) => query.OrderByDescending(a => a.Status).ThenBy(a => a.Code),
            (_, true) => query.OrderByDescending(a => a.Code),
            _ => query.OrderBy(a => a.Code),
        };

        var items = await query
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(a => new AgentRow(
                a.Id, a.Code, a.LegalName, a.Tier, a.Status,
                a.Parent == null ? null : a.Parent.Code,
                a.Territory.Select(t => t.RegionCode).ToList(),
                a.ContractEnd))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<AgentRow>(items, total);
    }
}
