using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Customers;
using Portal.Features.Agents;

namespace Portal.Features.Customers;

/// <summary>
/// A reseller's customers (ADR 8: those its subtree registered or holds), with who in its subtree holds each and until
/// when; vendor staff see every customer and every holder. Paged, filtered and sorted in the database.
/// </summary>
public sealed class CustomerDirectory(PortalData data, ReferenceData reference, BusinessClock clock)
{
    public async Task<PagedResult<CustomerRow>> ListAsync(CurrentUser user, CustomerFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCustomers);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var inForce = InForce(db, now);
        var query = Filtered(db, filter, now);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        query = Sorted(query, inForce, filter, page.SortBy, page.Descending);

        var customers = await query.Skip(page.Skip).Take(page.Take)
            .Select(c => new { c.Id, c.Uscc, c.LegalName, c.RegionCode, c.Segment })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = customers.Select(c => c.Id).ToList();
        var holders = await inForce.Where(p => ids.Contains(p.CustomerId))
            .Join(db.Agents, p => p.AgentId, a => a.Id, (p, a) => new { p.CustomerId, a.Code, a.LegalName, p.Basis, p.Since, p.Until })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var holderOf = holders.ToDictionary(h => h.CustomerId);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);

        return new PagedResult<CustomerRow>(
            [
                .. customers.Select(c =>
                {
                    var holder = holderOf.GetValueOrDefault(c.Id);
                    return new CustomerRow(
                        c.Id, c.Uscc, c.LegalName, RegionLabels.Of(c.RegionCode, regions), c.Segment,
                        holder?.Code, holder?.LegalName, holder?.Basis, holder?.Since, holder is null ? null : clock.LastDay(holder.Until));
                }),
            ],
            total);
    }

    /// <summary>
    /// Every customer the directory shows for this filter, in its order, read one at a time (the export, ADR 29), each
    /// with its holder as the directory shows it: the same filter and visibility as <see cref="ListAsync"/>.
    /// </summary>
    public IAsyncEnumerable<CustomerRow> ExportAsync(CurrentUser user, CustomerFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCustomers);
        ArgumentNullException.ThrowIfNull(filter);
        return ReadAllAsync(user, filter, sortBy, descending, cancellationToken);
    }

    private async IAsyncEnumerable<CustomerRow> ReadAllAsync(CurrentUser user, CustomerFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var now = clock.Now;
        var inForce = InForce(db, now);
        var rows = Sorted(Filtered(db, filter, now), inForce, filter, sortBy, descending)
            .Select(c => new
            {
                c.Id, c.Uscc, c.LegalName, c.RegionCode, c.Segment,
                Holder = inForce.Where(p => p.CustomerId == c.Id)
                    .Join(db.Agents, p => p.AgentId, a => a.Id, (p, a) => new { a.Code, a.LegalName, p.Basis, p.Since, p.Until })
                    .FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new CustomerRow(
                c.Id, c.Uscc, c.LegalName, RegionLabels.Of(c.RegionCode, regions), c.Segment,
                c.Holder?.Code, c.Holder?.LegalName, c.Holder?.Basis, c.Holder?.Since, c.Holder is null ? null : clock.LastDay(c.Holder.Until));
        }
    }

    // Protections in force now; the context's filter keeps a reseller's to its own subtree.
    private static IQueryable<CustomerProtection> InForce(PortalDbContext db, DateTime now) =>
        db.CustomerProtections.AsNoTracking().Where(p => p.EndedAt == null && p.Since <= now && p.Until > now);

    /// <summary>
    /// The customers a filter finds in the caller's scope, unsorted: the list pages through them and the dashboard counts
    /// them, so a figure and the list it links to count the same customers.
    /// </summary>
    internal IQueryable<Customer> Filtered(PortalDbContext db, CustomerFilter filter, DateTime now)
    {
        var inForce = InForce(db, now);
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var uscc = term.ToUpperInvariant();
            query = query.Where(c => c.LegalName.Contains(term) || c.Uscc == uscc);
        }

        if (filter.ExpiringWithinDays is { } days)
        {
            // Ending by the end of the business day that many days from today.
            var limit = clock.EndOfDay(clock.Today.AddDays(Math.Clamp(days, 0, 3650)));
            query = query.Where(c => inForce.Any(p => p.CustomerId == c.Id && p.Until <= limit));
        }
        else if (filter.ExpiresFrom is not null || filter.ExpiresTo is not null)
        {
            // Whose protection's last business day ("until D") falls between the two days, both included.
            var after = filter.ExpiresFrom is { } from ? clock.Calendar.StartOfDay(from) : DateTime.MinValue;
            var until = filter.ExpiresTo is { } to ? clock.EndOfDay(to) : DateTime.MaxValue;
            query = query.Where(c => inForce.Any(p => p.CustomerId == c.Id && p.Until > after && p.Until <= until));
        }
        else if (filter.ProtectedOnly)
        {
            query = query.Where(c => inForce.Any(p => p.CustomerId == c.Id));
        }

        return query;
    }

    private static IQueryable<Customer> Sorted(IQueryable<Customer> query, IQueryable<CustomerProtection> inForce, CustomerFilter filter, string? sortBy, bool descending)
    {
        var byUntil = sortBy == nameof(CustomerRow.ProtectedUntil) || (sortBy is null && (filter.ExpiringWithinDays is not null || filter.ExpiresFrom is not null || filter.ExpiresTo is not null));
        return (byUntil, descending) switch
        {
            (true, false) => query.OrderBy(c => inForce.Where(p => p.CustomerId == c.Id).Select(p => (DateTime?)p.Until).FirstOrDefault()).ThenBy(c => c.Id),
            (true, true) => query.OrderByDescending(c => inForce.Where(p => p.CustomerId == c.Id).Select(p => (DateTime?)p.Until).FirstOrDefault()).ThenBy(c => c.Id),
            (false, true) => query.OrderByDescending(c => c.LegalName).ThenBy(c => c.Id),
            _ => query.OrderBy(c => c.LegalName).ThenBy(c => c.Id),
        };
    }
}
