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
        var search = await CustomerSearch.ResolveAsync(db, filter.Search, cancellationToken).ConfigureAwait(false);
        var listed = await PageOfAsync(db, filter, search, page, now, cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return await GridCount.PageAsync(Filtered(db, filter, now, search), page, [.. listed.Select(c => RowOf(c, regions))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the directory, each customer with its holder. The holder is read per customer by its id
    /// (a left join on <c>CustomerId = ? AND EndedAt IS NULL</c>: the unique open-protection index); a lookup of the
    /// page's ids as one IN list let SQLite walk every open protection by the dashboard's (EndedAt, Until) index instead.
    /// By protection end, the customers held now come first in the order of their protection's end (read from the
    /// protections' (EndedAt, Until) index, ADR 43), then — unless the filter asks for protected customers — the others by name.
    /// </summary>
    internal async Task<List<CustomerListing>> PageOfAsync(PortalDbContext db, CustomerFilter filter, CustomerSearch? search, PageRequest page, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await PageQuery(db, filter, search, page, now).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == page.Take || !ByUntil(filter, page.SortBy) || RequiresProtection(filter))
        {
            return rows;
        }

        var inForce = InForce(db, now);
        var filtered = Filtered(db, filter, now, search);
        var heldCount = rows.Count > 0 ? page.Skip + rows.Count : await Held(filtered, Ordering(inForce, filter), page.Descending).CountAsync(cancellationToken).ConfigureAwait(false);
        var others = ByName(Unheld(filtered, inForce), descending: false).Skip(Math.Max(0, page.Skip - heldCount)).Take(page.Take - rows.Count);
        rows.AddRange(await Listed(db, others, inForce).ToListAsync(cancellationToken).ConfigureAwait(false));
        return rows;
    }

    /// <summary>The page's first query: by name, or the customers held now by protection end.</summary>
    internal IQueryable<CustomerListing> PageQuery(PortalDbContext db, CustomerFilter filter, CustomerSearch? search, PageRequest page, DateTime now)
    {
        var inForce = InForce(db, now);
        var filtered = Filtered(db, filter, now, search);
        var ordered = ByUntil(filter, page.SortBy) ? Held(filtered, Ordering(inForce, filter), page.Descending) : ByName(filtered, page.Descending);
        return Listed(db, ordered.Skip(page.Skip).Take(page.Take), inForce);
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
        var search = await CustomerSearch.ResolveAsync(db, filter.Search, cancellationToken).ConfigureAwait(false);
        var filtered = Filtered(db, filter, now, search);
        IQueryable<Customer>[] parts = !ByUntil(filter, sortBy) ? [ByName(filtered, descending)]
            : RequiresProtection(filter) ? [Held(filtered, Ordering(inForce, filter), descending)]
            : [Held(filtered, Ordering(inForce, filter), descending), ByName(Unheld(filtered, inForce), descending: false)];
        foreach (var part in parts)
        {
            await foreach (var c in Listed(db, part, inForce).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return RowOf(c, regions);
            }
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

    /// <summary>
    /// How many customers of the caller's scope are held now, counted from the protections' (EndedAt, Until) index: a
    /// customer has at most one open protection (UX_CustomerProtections_OpenPerCustomer), and a protection in the
    /// caller's scope makes its customer visible, so this is the count of the "protected only" list without a test per customer.
    /// </summary>
    internal static Task<int> HeldCountAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken) =>
        InForce(db, now).CountAsync(cancellationToken);

    /// <summary>Protections in force now; the context's filter keeps a reseller's to its own subtree.</summary>
    internal static IQueryable<CustomerProtection> InForce(PortalDbContext db, DateTime now) =>
        db.CustomerProtections.AsNoTracking().Where(p => p.EndedAt == null && p.Since <= now && p.Until > now);

    /// <summary>
    /// The customers a filter finds in the caller's scope, unsorted: the list pages through them and the dashboard counts
    /// them, so a figure and the list it links to count the same customers.
    /// </summary>
    internal IQueryable<Customer> Filtered(PortalDbContext db, CustomerFilter filter, DateTime now, CustomerSearch? search = null)
    {
        var inForce = InForce(db, now);
        var query = db.Customers.AsNoTracking();
        if (search is not null)
        {
            query = search.Customers(query);
        }

        if (Ending(filter) is { } ends)
        {
            var (after, until) = ends;
            query = query.Where(c => inForce.Any(p => p.CustomerId == c.Id && p.Until > after && p.Until <= until));
        }
        else if (filter.ProtectedOnly)
        {
            query = query.Where(c => inForce.Any(p => p.CustomerId == c.Id));
        }

        return query;
    }

    /// <summary>
    /// The window of protection ends a filter asks for: within so many days (to the end of that business day), or
    /// between two business days ("until D" on either, both included); null when it asks for none.
    /// </summary>
    private (DateTime After, DateTime Until)? Ending(CustomerFilter filter) =>
        filter.ExpiringWithinDays is { } days ? (DateTime.MinValue, clock.EndOfDay(clock.Today.AddDays(Math.Clamp(days, 0, 3650))))
        : filter.ExpiresFrom is not null || filter.ExpiresTo is not null
            ? (filter.ExpiresFrom is { } from ? clock.Calendar.StartOfDay(from) : DateTime.MinValue, filter.ExpiresTo is { } to ? clock.EndOfDay(to) : DateTime.MaxValue)
            : null;

    // The protections in force the list orders by: within the filter's window of ends, so that the walk along the
    // (EndedAt, Until) index starts at the window.
    private IQueryable<CustomerProtection> Ordering(IQueryable<CustomerProtection> inForce, CustomerFilter filter)
    {
        if (Ending(filter) is not { } ends)
        {
            return inForce;
        }

        var (after, until) = ends;
        return inForce.Where(p => p.Until > after && p.Until <= until);
    }

    // By protection end when asked, or by default when the filter is about protection ends.
    private static bool ByUntil(CustomerFilter filter, string? sortBy) =>
        sortBy == nameof(CustomerRow.ProtectedUntil) || (sortBy is null && (filter.ExpiringWithinDays is not null || filter.ExpiresFrom is not null || filter.ExpiresTo is not null));

    private static bool RequiresProtection(CustomerFilter filter) =>
        filter.ProtectedOnly || filter.ExpiringWithinDays is not null || filter.ExpiresFrom is not null || filter.ExpiresTo is not null;

    private static IQueryable<Customer> ByName(IQueryable<Customer> customers, bool descending) =>
        descending ? customers.OrderByDescending(c => c.LegalName).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.LegalName).ThenBy(c => c.Id);

    // The customers held now, in the order their protections end (ties in the same direction, by id).
    private static IQueryable<Customer> Held(IQueryable<Customer> customers, IQueryable<CustomerProtection> inForce, bool descending)
    {
        var held = from p in inForce
                   join c in customers on p.CustomerId equals c.Id
                   select new { c, p.Until };
        return (descending ? held.OrderByDescending(x => x.Until).ThenByDescending(x => x.c.Id) : held.OrderBy(x => x.Until).ThenBy(x => x.c.Id)).Select(x => x.c);
    }

    private static IQueryable<Customer> Unheld(IQueryable<Customer> customers, IQueryable<CustomerProtection> inForce) =>
        customers.Where(c => !inForce.Any(p => p.CustomerId == c.Id));
}

/// <summary>A customer as the directory reads it, before its region is named for the reader.</summary>
internal sealed record CustomerListing(int Id, string Uscc, string LegalName, string RegionCode, CustomerSegment Segment, CustomerHolder? Holder);

/// <summary>Who holds a customer's protection in force, on what basis, from when until when.</summary>
internal sealed record CustomerHolder(string Code, string LegalName, ProtectionBasis Basis, DateTime Since, DateTime Until);
