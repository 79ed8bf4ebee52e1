using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Audit;
using Portal.Features.Customers;

namespace Portal.Features.Deals;

/// <summary>
/// Reading deals. Every query goes through the caller's scope (<see cref="PortalData.ForAsync"/>): a reseller's
/// list holds only its subtree's deals, and another branch's deal id answers "not found".
/// </summary>
public sealed class DealQueries(PortalData data, BusinessClock clock)
{
    public async Task<PagedResult<DealRow>> ListAsync(CurrentUser user, DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);

        // Every deal has its customer and agent, so the joins drop none: the count needs only the filter (ADR 43).
        var search = await CustomerSearch.ResolveAsync(db, filter.Customer, cancellationToken).ConfigureAwait(false);
        var rows = await PageQuery(db, user, filter, search, page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await GridCount.PageAsync(Filtered(db, user, filter, search), page, rows.ConvertAll(ToRow), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of the list, in the database.</summary>
    internal IQueryable<DealListing> PageQuery(PortalDbContext db, CurrentUser user, DealFilter filter, CustomerSearch? search, PageRequest page)
    {
        var joined = Joined(db, user, filter, search);
        if (page.SortBy == nameof(DealRow.CustomerName))
        {
            // By customer name: the page's deals belong to the first (skip + take) customers with a matching deal, in
            // name order — found from the customers' name index, instead of sorting every deal by its customer's name.
            var matching = Filtered(db, user, filter, search);
            var customers = db.Customers.IgnoreQueryFilters().Where(c => matching.Any(d => d.CustomerId == c.Id));
            var first = (page.Descending ? customers.OrderByDescending(c => c.LegalName).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.LegalName).ThenBy(c => c.Id))
                .Take(page.Skip + page.Take).Select(c => c.Id);
            joined = joined.Where(x => first.Contains(x.Deal.CustomerId));
        }

        return Listed(db, Sorted(joined, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Take));
    }

    /// <summary>
    /// Every deal the list shows for this filter, in the list's order, read one at a time (the export, ADR 29): the same
    /// filter and visibility as <see cref="ListAsync"/>, never the whole list in memory.
    /// </summary>
    public IAsyncEnumerable<DealRow> ExportAsync(CurrentUser user, DealFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        ArgumentNullException.ThrowIfNull(filter);
        return ReadAllAsync(user, filter, sortBy, descending, cancellationToken);
    }

    private async IAsyncEnumerable<DealRow> ReadAllAsync(CurrentUser user, DealFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var search = await CustomerSearch.ResolveAsync(db, filter.Customer, cancellationToken).ConfigureAwait(false);
        await foreach (var row in Listed(db, Sorted(Joined(db, user, filter, search), sortBy, descending)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ToRow(row);
        }
    }

    /// <summary>
    /// The deals a filter finds in the caller's scope, unsorted: the list pages through them and the dashboard counts
    /// them (grouped), so a dashboard figure and the list it links to count the same rows. A customer term is resolved
    /// first (<see cref="CustomerSearch"/>); the dashboard's filters carry none.
    /// </summary>
    internal IQueryable<DealRegistration> Filtered(PortalDbContext db, CurrentUser user, DealFilter filter, CustomerSearch? search = null)
    {
        var deals = db.Deals.AsNoTracking();
        if (filter.Status is { } status)
        {
            deals = deals.Where(d => d.Status == status);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            deals = deals.Where(d => statuses.Contains(d.Status));
        }

        if (search is not null)
        {
            deals = search.Deals(db, deals);
        }

        // Registered between two business days, both included.
        if (filter.From is { } from)
        {
            var start = clock.Calendar.StartOfDay(from);
            deals = deals.Where(d => d.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = clock.EndOfDay(to);
            deals = deals.Where(d => d.CreatedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Reason))
        {
            // From the reason's own index to its deals: a rare reason is found without walking every deal.
            var reason = filter.Reason.Trim().ToUpperInvariant();
            deals = deals.Where(d => db.Set<DealReason>().Where(r => r.Code == reason).Select(r => r.DealId).Contains(d.Id));
        }

        // A reseller's own agent, or the agents below it (its context already holds only its subtree).
        if (filter.Owner is { } owner)
        {
            var own = user.AgentId ?? 0;
            deals = owner == DealOwner.Own ? deals.Where(d => d.AgentId == own) : deals.Where(d => d.AgentId != own);
        }

        if (filter.SoldFrom is not null || filter.SoldTo is not null)
        {
            var soldFrom = filter.SoldFrom ?? DateOnly.MinValue;
            var soldTo = filter.SoldTo ?? DateOnly.MaxValue;
            deals = deals.Where(d => db.SalesReports.Any(r => r.DealId == d.Id && r.SoldOn >= soldFrom && r.SoldOn <= soldTo));
        }

        return deals;
    }

    // The list's rows with their customer and agent, over the one filter the page, the API, the export and the dashboard share.
    private IQueryable<DealJoin> Joined(PortalDbContext db, CurrentUser user, DealFilter filter, CustomerSearch? search) =>
        from d in Filtered(db, user, filter, search)
        join c in db.Customers on d.CustomerId equals c.Id
        join a in db.Agents on d.AgentId equals a.Id
        select new DealJoin { Deal = d, Customer = c, AgentCode = a.Code };

    // Ties are broken in the sort's own direction, so that one index, read forwards or backwards, gives each order
    // (status: (Status, CreatedAt); protected until: (ProtectedUntil)) instead of sorting every deal (ADR 43).
    private static IQueryable<DealJoin> Sorted(IQueryable<DealJoin> query, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(DealRow.CustomerName), false) => query.OrderBy(x => x.Customer.LegalName).ThenBy(x => x.Customer.Id).ThenBy(x => x.Deal.Id),
        (nameof(DealRow.CustomerName), true) => query.OrderByDescending(x => x.Customer.LegalName).ThenByDescending(x => x.Customer.Id).ThenByDescending(x => x.Deal.Id),
        (nameof(DealRow.Status), false) => query.OrderBy(x => x.Deal.Status).ThenBy(x => x.Deal.CreatedAt).ThenBy(x => x.Deal.Id),
        (nameof(DealRow.Status), true) => query.OrderByDescending(x => x.Deal.Status).ThenByDescending(x => x.Deal.CreatedAt).ThenByDescending(x => x.Deal.Id),
        (nameof(DealRow.ProtectedUntil), false) => query.OrderBy(x => x.Deal.ProtectedUntil).ThenBy(x => x.Deal.Id),
        (nameof(DealRow.ProtectedUntil), true) => query.OrderByDescending(x => x.Deal.ProtectedUntil).ThenByDescending(x => x.Deal.Id),
        (nameof(DealRow.CreatedAt), false) => query.OrderBy(x => x.Deal.Id),
        (nameof(DealRow.DecideBy), false) => query.OrderBy(x => x.Deal.ReviewDeadline).ThenBy(x => x.Deal.Id),
        _ => query.OrderByDescending(x => x.Deal.Id),
    };

    private static IQueryable<DealListing> Listed(PortalDbContext db, IQueryable<DealJoin> query) =>
        query.Select(x => new DealListing
        {
            Id = x.Deal.Id,
            LegalName = x.Customer.LegalName,
            Uscc = x.Customer.Uscc,
            RegionCode = x.Customer.RegionCode,
            AgentCode = x.AgentCode,
            Status = x.Deal.Status,
            Lines = x.Deal.Lines.Select(l => new DealLineAmount { UnitPrice = l.UnitPrice, Quantity = l.Quantity }).ToList(),
            CreatedAt = x.Deal.CreatedAt,
            ExpectedCloseDate = x.Deal.ExpectedCloseDate,
            ReviewDeadline = x.Deal.ReviewDeadline,
            ProtectedUntil = Protecting.Contains(x.Deal.Status)
                ? db.CustomerProtections.Where(p => p.CustomerId == x.Deal.CustomerId && p.AgentId == x.Deal.AgentId && p.EndedAt == null).Max(p => (DateTime?)p.Until)
                : null,
        });

    private DealRow ToRow(DealListing r) =>
        new(r.Id, r.LegalName, r.Uscc, r.RegionCode, r.AgentCode, r.Status, r.Lines.Sum(l => Money.Round(l.UnitPrice * l.Quantity)), r.CreatedAt, r.ExpectedCloseDate, LastDay(r.ProtectedUntil), Pending(r.Status, r.ReviewDeadline));

    /// <summary>The deal, or null when it does not exist or the caller may not see it.</summary>
    public async Task<DealDetail?> GetAsync(CurrentUser user, int id, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var deal = await db.Deals.AsNoTracking().Include(d => d.Lines).Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return null;
        }

        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == deal.AgentId).Select(a => new { a.Code, a.LegalName }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var customer = await (from c in db.Customers.AsNoTracking()
                              join r in db.Regions on c.RegionCode equals r.Code
                              where c.Id == deal.CustomerId
                              select new DealCustomer(c.Id, c.Uscc, c.LegalName, c.RegionCode, r.NameZh, r.NameEn, c.Segment))
            .SingleAsync(cancellationToken).ConfigureAwait(false);

        var protectedUntil = Protecting.Contains(deal.Status)
            ? await db.CustomerProtections.AsNoTracking()
                .Where(p => p.CustomerId == deal.CustomerId && p.AgentId == deal.AgentId && p.EndedAt == null)
                .Select(p => (DateTime?)p.Until)
                .MaxAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var sales = await db.SalesReports.AsNoTracking().Where(r => r.DealId == deal.Id).OrderBy(r => r.Id)
            .Select(r => new SaleView(r.Id, r.SoldOn, r.ReportedBy, r.Lines.Select(l => new SoldLineView(l.Sku, l.Quantity, l.UnitPrice, l.UniformPrice)).ToList()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The timeline is the audit log's; the deal was checked visible above, so its entries may be shown.
        await using var all = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        var timeline = await AuditTimeline.OfAsync(all, AuditEntity.Deal, deal.Id, cancellationToken).ConfigureAwait(false);

        // Actions are offered to the deal's own agent (reseller actions) or to a ChannelManager (review actions).
        var now = clock.Now;
        var offered = user.May(PortalPolicies.ManageChannel) ? ManagerActions
            : user.AgentId == deal.AgentId ? ResellerActions
            : [];
        var actions = offered.Select(a => a == DealAction.Cancel ? deal.CancellationAvailability() : deal.Availability(a, now)).Where(a => a.AppliesInState).ToList();

        return new DealDetail(
            deal.Id, deal.Status, agent.Code, agent.LegalName, customer,
            deal.Lines.Select(l => new DealLineView(l.Sku, l.Quantity, l.UnitPrice, l.UniformPrice, l.PurchasePrice)).ToList(),
            deal.Reasons.Select(r => new Reason(r.Code, r.Field)).ToList(),
            deal.ExpectedCloseDate, deal.CreatedAt, deal.DecidedAt, LastDay(protectedUntil), deal.ExtensionUsed, deal.ExtensionReason, deal.DecisionNote,
            timeline, actions, sales, Pending(deal.Status, deal.ReviewDeadline));
    }

    // The decision's last business day, shown only while the decision is pending.
    private DateOnly? Pending(DealStatus status, DateTime? deadline) =>
        status is DealStatus.PendingReview or DealStatus.ExtensionRequested ? LastDay(deadline) : null;

    /// <summary>The caller's own customers (visibility filter) whose name or USCC matches, for the registration form.</summary>
    public async Task<IReadOnlyList<CustomerMatch>> SearchCustomersAsync(CurrentUser user, string? term, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        if (string.IsNullOrWhiteSpace(term) || term.Trim().Length < 2)
        {
            return [];
        }

        var text = term.Trim();
        var upper = text.ToUpperInvariant();
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        return await db.Customers.AsNoTracking()
            .Where(c => c.LegalName.Contains(text) || c.Uscc.StartsWith(upper))
            .OrderBy(c => c.LegalName)
            .Take(10)
            .Select(c => new CustomerMatch(c.Uscc, c.LegalName, c.RegionCode, c.Segment))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // The statuses in which a deal's agent protects its customer: a registration in force, or a sale.
    private static readonly DealStatus[] Protecting = [DealStatus.Approved, DealStatus.ExtensionRequested, DealStatus.Won];

    private static readonly DealAction[] ResellerActions = [DealAction.ReportSale, DealAction.MarkLost, DealAction.RequestExtension];
    private static readonly DealAction[] ManagerActions = [DealAction.Approve, DealAction.Reject, DealAction.GrantExtension, DealAction.RefuseExtension, DealAction.Cancel];

    private DateOnly? LastDay(DateTime? until) => until is { } instant ? clock.LastDay(instant) : null;

    private static void Authorize(CurrentUser user) => AccessDeniedException.UnlessMay(user, PortalPolicies.ReadDeals);

    // A deal with its customer and agent code, as the filters see it (member-initialised, so that EF translates it).
    private sealed class DealJoin
    {
        public required DealRegistration Deal { get; init; }

        public required Customer Customer { get; init; }

        public required string AgentCode { get; init; }
    }

    // The columns one list row is read with.
    internal sealed class DealListing
    {
        public int Id { get; init; }

        public required string LegalName { get; init; }

        public required string Uscc { get; init; }

        public required string RegionCode { get; init; }

        public required string AgentCode { get; init; }

        public DealStatus Status { get; init; }

        public required List<DealLineAmount> Lines { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateOnly ExpectedCloseDate { get; init; }

        public DateTime? ReviewDeadline { get; init; }

        public DateTime? ProtectedUntil { get; init; }
    }

    internal sealed class DealLineAmount
    {
        public decimal UnitPrice { get; init; }

        public int Quantity { get; init; }
    }
}
