using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Pricing.Versions;
using Portal.Domain.Sales;

namespace Portal.Data;

/// <summary>
/// The one place that decides visibility. Global query filters restrict every query on the channel's records to
/// the context's <see cref="Scope"/>, so a page, a component or an API endpoint cannot forget to filter: a reseller's
/// context simply does not contain a sibling's deal, and looking it up by id finds nothing (404, as if missing).
/// </summary>
public sealed partial class PortalDbContext
{
    /// <summary>Whose eyes this context reads with; <see cref="DataScope.Nobody"/> until set.</summary>
    public DataScope Scope { get; private set; } = DataScope.Nobody;

    // Agent ids are positive: no subtree is rooted here.
    private const int NoAgent = 0;

    // The filters read these members of the context instance. Whether the scope is everything is written into the
    // SQL as a constant (EF.Constant), so EF removes "TRUE OR …" and vendor staff's queries carry no visibility
    // predicate, while a reseller's carry only the subtree's (ADR 14); the subtree's root is an ordinary parameter.
    private bool ScopeEverything => Scope.Everything;

    // Which of the two narrowed views applies, likewise a constant: a regional manager's query carries only the
    // regions' predicate, a reseller's only the subtree's (Nobody is a subtree no agent roots).
    private bool ScopeByRegion => Scope.ByRegion;

    private bool ScopeBySubtree => !Scope.Everything && !Scope.ByRegion;

    private int ScopeRoot => Scope.AgentId ?? NoAgent;

    // A regional manager's regions, and those with every division above them: parameterized primitive collections,
    // which EF Core 10 sends as one scalar parameter per region ("IN (@p1, @p2, …)"), so indexes apply (ADR 26).
    private string[] ScopeRegions => Scope.RegionArray;

    private string[] ScopeRegionsAndAncestors => Scope.RegionsAndAncestorsArray;

    /// <summary>Sets whose eyes this context reads with. Returns the context for chaining.</summary>
    public PortalDbContext WithScope(DataScope scope)
    {
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        return this;
    }

    /// <summary>
    /// Whether <paramref name="scope"/> reads what <paramref name="query"/> looks for, asked inside a unit of work over the
    /// whole channel (the rules must see every record): a ChannelManager scoped to regions acts only on the records it
    /// can read, and one out of its regions does not exist for it (ADR 26). The whole channel sees everything unasked.
    /// </summary>
    public async Task<bool> SeesAsync(DataScope scope, Func<PortalDbContext, Task<bool>> query)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        if (scope.Everything)
        {
            return true;
        }

        var own = Scope;
        Scope = scope;
        try
        {
            return await query(this).ConfigureAwait(false);
        }
        finally
        {
            Scope = own;
        }
    }

    /// <summary>Back to <see cref="DataScope.Nobody"/> before a pooled context is handed to its next user.</summary>
    public override void Dispose()
    {
        Scope = DataScope.Nobody;
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Scope = DataScope.Nobody;
        return base.DisposeAsync();
    }

#pragma warning disable CA1845 // Expression trees for SQL: Substring + "0000" is substr(…) || '0000', spans do not translate.
    private void ConfigureVisibility(ModelBuilder builder)
    {
        // Visibility: a reseller sees its own agent and its descendants (closure table rows with it as ancestor).
        // Written as "IN (the subtree's ids)" so the database starts from the closure table's index and looks the
        // subtree's records up, instead of testing every row of a large table (ADR 14).
        //
        // A regional manager (ADR 26) sees a region's records: a row's region t lies within the scope S when
        // province(t) ∈ S, city(t) ∈ S or t ∈ S (GB/T 2260: the first two digits and "0000" are the province, the
        // first four and "00" the city; municipalities are coded the same way, 110000 ⊃ 110100 ⊃ 110101). An agent is
        // the region's when its territory overlaps S: an entry within S, or one above a scoped region (t ∈ ancestors(S)).
        // Customers keep their city (CityCode), so that term is an indexed column; deals, protections and sales are the
        // region's customers'.
        builder.Entity<Agent>().HasQueryFilter(a =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && AgentTerritories
                .Where(t => ScopeRegions.Contains(t.RegionCode.Substring(0, 2) + "0000")
                    || ScopeRegions.Contains(t.RegionCode.Substring(0, 4) + "00")
                    || ScopeRegionsAndAncestors.Contains(t.RegionCode))
                .Select(t => t.AgentId).Contains(a.Id))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(a.Id)));
        builder.Entity<DealRegistration>().HasQueryFilter(d =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && Set<Customer>().IgnoreQueryFilters()
                .Where(c => ScopeRegions.Contains(c.CityCode) || ScopeRegions.Contains(c.RegionCode) || ScopeRegions.Contains(c.RegionCode.Substring(0, 2) + "0000"))
                .Select(c => c.Id).Contains(d.CustomerId))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(d.AgentId)));
        builder.Entity<CrossRegionAuthorization>().HasQueryFilter(x =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion)
                && (ScopeRegions.Contains(x.RegionCode.Substring(0, 2) + "0000") || ScopeRegions.Contains(x.RegionCode.Substring(0, 4) + "00") || ScopeRegions.Contains(x.RegionCode)))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(x.AgentId)));
        builder.Entity<SalesReport>().HasQueryFilter(s =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && Set<Customer>().IgnoreQueryFilters()
                .Where(c => ScopeRegions.Contains(c.CityCode) || ScopeRegions.Contains(c.RegionCode) || ScopeRegions.Contains(c.RegionCode.Substring(0, 2) + "0000"))
                .Select(c => c.Id).Contains(s.CustomerId))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(s.AgentId)));
        builder.Entity<PolicyAcknowledgement>().HasQueryFilter(k =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && AgentTerritories
                .Where(t => ScopeRegions.Contains(t.RegionCode.Substring(0, 2) + "0000")
                    || ScopeRegions.Contains(t.RegionCode.Substring(0, 4) + "00")
                    || ScopeRegionsAndAncestors.Contains(t.RegionCode))
                .Select(t => t.AgentId).Contains(k.AgentId))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(k.AgentId)));
        builder.Entity<CustomerProtection>().HasQueryFilter(p =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && Set<Customer>().IgnoreQueryFilters()
                .Where(c => ScopeRegions.Contains(c.CityCode) || ScopeRegions.Contains(c.RegionCode) || ScopeRegions.Contains(c.RegionCode.Substring(0, 2) + "0000"))
                .Select(c => c.Id).Contains(p.CustomerId))
            || (EF.Constant(ScopeBySubtree) && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(p.AgentId)));

        // A reseller learns of a case about its subtree once it is confirmed (DESIGN.md §8): an unproven report or a
        // dismissed one is Compliance's business only. A regional manager sees the cases about its region's agents,
        // in every state; a case with no known subject belongs to no region, and so to the unscoped staff (ADR 26).
        builder.Entity<ViolationCase>().HasQueryFilter(c =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion) && AgentTerritories
                .Where(t => ScopeRegions.Contains(t.RegionCode.Substring(0, 2) + "0000")
                    || ScopeRegions.Contains(t.RegionCode.Substring(0, 4) + "00")
                    || ScopeRegionsAndAncestors.Contains(t.RegionCode))
                .Select(t => (int?)t.AgentId).Contains(c.SubjectAgentId))
            || (EF.Constant(ScopeBySubtree)
                && c.ConfirmedAt != null && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => (int?)l.DescendantId).Contains(c.SubjectAgentId)));

        // A reseller's customers are those its subtree has registered a deal on or holds (or held) protection for;
        // a regional manager's those whose region lies within its regions.
        builder.Entity<Customer>().HasQueryFilter(c =>
            EF.Constant(ScopeEverything)
            || (EF.Constant(ScopeByRegion)
                && (ScopeRegions.Contains(c.CityCode) || ScopeRegions.Contains(c.RegionCode) || ScopeRegions.Contains(c.RegionCode.Substring(0, 2) + "0000")))
            || (EF.Constant(ScopeBySubtree)
                && (Set<DealRegistration>().Where(d => AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(d.AgentId)).Select(d => d.CustomerId).Contains(c.Id)
                    || Set<CustomerProtection>().Where(p => AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(p.AgentId)).Select(p => p.CustomerId).Contains(c.Id))));

        // The audit trail is for vendor staff; a reseller reads its deals' timelines through the deal services.
        builder.Entity<AuditEntry>().HasQueryFilter(e => EF.Constant(ScopeEverything));
        builder.Entity<AuditCheckpoint>().HasQueryFilter(c => EF.Constant(ScopeEverything));
    }
#pragma warning restore CA1845
}
