using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Customers;
using Portal.Domain.Deals;

namespace Portal.Features.Customers;

/// <summary>
/// What a customer search term (part of a legal name, or a whole credit code) finds, resolved before the list is read
/// (ADR 43). A whole credit code is its unique index's; a name is looked up in the name index (SQLite's FTS5 trigram
/// table, PostgreSQL's trigram index), at most <see cref="GridCount.Limit"/> ids. Few matches: the list reads just
/// those customers (and their deals) by id. Many: the term is common, and reading the list in its own order and
/// keeping the rows that match finds a page after a few dozen rows.
/// </summary>
public sealed class CustomerSearch
{
    private readonly string _term;
    private readonly string _uscc;
    private readonly List<int>? _ids;

    private CustomerSearch(string term, List<int>? ids)
    {
        _term = term;
        _uscc = term.ToUpperInvariant();
        _ids = ids;
    }

    /// <summary>Null when there is no term.</summary>
    public static async Task<CustomerSearch?> ResolveAsync(PortalDbContext db, string? term, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(term))
        {
            return null;
        }

        var text = term.Trim();
        var upper = text.ToUpperInvariant();

        // The ids are only ever a constraint on the caller's own (filtered) list, so they are looked up across the
        // channel: through the indexes, without the visibility filter's per-row test.
        var ids = await CustomerNameTrigrams.MatchingAsync(db, text, GridCount.Limit + 1, cancellationToken).ConfigureAwait(false);
        if (ids.Count > GridCount.Limit)
        {
            return new CustomerSearch(text, null);
        }

        if (Uscc.TryParse(upper, out _, out _))
        {
            ids.AddRange(await db.Customers.IgnoreQueryFilters().Where(c => c.Uscc == upper).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return new CustomerSearch(text, [.. ids.Distinct()]);
    }

    /// <summary>The customers of <paramref name="customers"/> the term finds.</summary>
    public IQueryable<Customer> Customers(IQueryable<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (_ids is { } ids)
        {
            return customers.Where(c => ids.Contains(c.Id));
        }

        var (term, uscc) = (_term, _uscc);
        return customers.Where(c => c.LegalName.Contains(term) || c.Uscc == uscc);
    }

    /// <summary>The deals of <paramref name="deals"/> whose customer the term finds.</summary>
    public IQueryable<DealRegistration> Deals(PortalDbContext db, IQueryable<DealRegistration> deals)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deals);
        if (_ids is { } ids)
        {
            return deals.Where(d => ids.Contains(d.CustomerId));
        }

        var (term, uscc) = (_term, _uscc);
        return deals.Where(d => db.Customers.Any(c => c.Id == d.CustomerId && (c.LegalName.Contains(term) || c.Uscc == uscc)));
    }
}
