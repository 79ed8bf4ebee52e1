using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Customers;
using Portal.Domain.Regions;
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
        var query = Filtered(db, filter, now);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var listed = await PageOf(db, filter, page, now).ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return new PagedResult<CustomerRow>([.. listed.Select(c => RowOf(c, regions))], total);
    }

    /// <summary>
    /// One page of the directory, each customer with its holder. The holder is read per customer by its id
    /// (a left join on <c>CustomerId = ? AND EndedAt IS NULL</c>: the unique open-protection index); a lookup of the
    /// page's ids as one IN list let SQLite walk every open protection by the dashboard's (EndedAt, Until) index instead.
    /// </summary>
    internal IQueryable<CustomerListing> PageOf(PortalDbContext db, CustomerFilter filter, PageRequest page, DateTime now)
    {
        var inForce = InForce(db, now);
        return Listed(db, Sorted(Filtered(db, filter, now), inForce, filter, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Take), inForce);
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
        var rows = Listed(db, Sorted(Filtered(db, filter, now), inForce, filter, sortBy, descending), inForce).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return RowOf(c, regions);
        }
    }

    // Each customer with the holder of its protection in force, if any: a left join on the customer's id, at most one
    // row per customer (one open protection per customer), each found by `CustomerId = ? AND EndedAt IS NULL`.
    private static IQueryable<CustomerListing> Listed(PortalDbContext db, IQueryable<Customer> customers, IQueryable<CustomerProtection> inForce) =>
        customers.GroupJoin(inForce, c => c.Id, p => p.CustomerId, (c, held) => new { c, held })
            .SelectMany(x => x.held.DefaultIfEmpty(), (x, p) => new { x.c, p })
            .Select(x => new CustomerListing(
                x.c.Id, x.c.Uscc, x.c.LegalName, x.c.RegionCode, x.c.Segment,
                x.p == null ? null : new CustomerHolder(
                    db.Agents.Where(a => a.Id == x.p.AgentId).Select(a => a.Code).First(),
                    db.Agents.Where(a => a.Id == x.p.AgentId).Select(a => a.LegalName).First(),
                    x.p.Basis, x.p.Since, x.p.Until)));

    private CustomerRow RowOf(CustomerListing c, IReadOnlyDictionary<string, Region> regions) =>
        new(c.Id, c.Uscc, c.LegalName, RegionLabels.Of(c.RegionCode, regions), c.Segment,
            c.Holder?.Code, c.Holder?.LegalName, c.Holder?.Basis, c.Holder?.Since, c.Holder is null ? null : clock.LastDay(c.Holder.Until));

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

/// <summary>A customer as the directory reads it, before its region is named for the reader.</summary>
internal sealed record CustomerListing(int Id, string Uscc, string LegalName, string RegionCode, CustomerSegment Segment, CustomerHolder? Holder);

/// <summary>Who holds a customer's protection in force, on what basis, from when until when.</summary>
internal sealed record CustomerHolder(string Code, string LegalName, ProtectionBasis Basis, DateTime Since, DateTime Until);
