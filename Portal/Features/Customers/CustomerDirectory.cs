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

        var now = clock.Now;
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);

        var inForce = InForce(db, now);
        var query = Filtered(db, filter, now);

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var byUntil = page.SortBy == nameof(CustomerRow.ProtectedUntil) || (page.SortBy is null && (filter.ExpiringWithinDays is not null || filter.ExpiresFrom is not null || filter.ExpiresTo is not null));
        query = (byUntil, page.Descending) switch
        {
            (true, false) => query.OrderBy(c => inForce.Where(p => p.CustomerId == c.Id).Select(p => (DateTime?)p.Until).FirstOrDefault()).ThenBy(c => c.Id),
            (true, true) => query.OrderByDescending(c => inForce.Where(p => p.CustomerId == c.Id).Select(p => (DateTime?)p.Until).FirstOrDefault()).ThenBy(c => c.Id),
            (false, true) => query.OrderByDescending(c => c.LegalName).ThenBy(c => c.Id),
            _ => query.OrderBy(c => c.LegalName).ThenBy(c => c.Id),
        };

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
}
