using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Agents;

namespace Portal.Features.Agents;

public sealed record AgentRow(int Id, string Code, string LegalName, AgentTier Tier, ContractStatus Status, string? ParentCode, IReadOnlyList<RegionLabel> Territory, DateOnly? ContractEnd);

/// <summary>A region as people read it: its code and its names.</summary>
public sealed record RegionLabel(string Code, string NameZh, string NameEn)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

public sealed record AgentFilter(string? Search, AgentTier? Tier, ContractStatus? Status);

/// <summary>The channel's agents, for the vendor's staff: paged, filtered and sorted in the database.</summary>
public sealed class AgentDirectory(PortalData data, ReferenceData reference)
{
    public async Task<PagedResult<AgentRow>> SearchAsync(CurrentUser user, AgentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAgents);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var rows = await Sorted(Filtered(db, filter), page.SortBy, page.Descending)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(a => new
            {
                a.Id, a.Code, a.LegalName, a.Tier, a.Status,
                ParentCode = a.Parent == null ? null : a.Parent.Code,
                Territory = a.Territory.Select(t => t.RegionCode).ToList(),
                a.ContractEnd,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // One lookup for the names of every region on the page.
        var codes = rows.SelectMany(r => r.Territory).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => new RegionLabel(r.Code, r.NameZh, r.NameEn), cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r => new AgentRow(
                r.Id, r.Code, r.LegalName, r.Tier, r.Status, r.ParentCode,
                r.Territory.Select(code => regions.GetValueOrDefault(code) ?? new RegionLabel(code, code, code)).ToList(),
                r.ContractEnd))
            .ToList();
        return await GridCount.PageAsync(Filtered(db, filter), page, items, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every agent the list shows for this filter, in its order, read one at a time (the export, ADR 29): the same
    /// filter and visibility (a regional manager's regions) as <see cref="SearchAsync"/>.
    /// </summary>
    public IAsyncEnumerable<AgentRow> ExportAsync(CurrentUser user, AgentFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAgents);
        return ReadAllAsync(user, filter, sortBy, descending, cancellationToken);
    }

    private async IAsyncEnumerable<AgentRow> ReadAllAsync(CurrentUser user, AgentFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var rows = Sorted(Filtered(db, filter), sortBy, descending)
            .Select(a => new
            {
                a.Id, a.Code, a.LegalName, a.Tier, a.Status,
                ParentCode = a.Parent == null ? null : a.Parent.Code,
                Territory = a.Territory.Select(t => t.RegionCode).ToList(),
                a.ContractEnd,
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new AgentRow(r.Id, r.Code, r.LegalName, r.Tier, r.Status, r.ParentCode, RegionLabels.Of(r.Territory, regions), r.ContractEnd);
        }
    }

    // The list's filters, in the database: the one definition the page, the API and the export share.
    private static IQueryable<Agent> Filtered(PortalDbContext db, AgentFilter filter)
    {
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

        return query;
    }

    private static IQueryable<Agent> Sorted(IQueryable<Agent> query, string? sortBy, bool descending) => (sortBy, descending) switch
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
}
