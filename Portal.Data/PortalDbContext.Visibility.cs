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

    private int ScopeRoot => Scope.AgentId ?? NoAgent;

    /// <summary>Sets whose eyes this context reads with. Returns the context for chaining.</summary>
    public PortalDbContext WithScope(DataScope scope)
    {
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        return this;
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

    private void ConfigureVisibility(ModelBuilder builder)
    {
        // Visibility: a reseller sees its own agent and its descendants (closure table rows with it as ancestor).
        // Written as "IN (the subtree's ids)" so the database starts from the closure table's index and looks the
        // subtree's records up, instead of testing every row of a large table (ADR 14).
        builder.Entity<Agent>().HasQueryFilter(a =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(a.Id));
        builder.Entity<DealRegistration>().HasQueryFilter(d =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(d.AgentId));
        builder.Entity<CrossRegionAuthorization>().HasQueryFilter(x =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(x.AgentId));
        builder.Entity<SalesReport>().HasQueryFilter(s =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(s.AgentId));
        builder.Entity<PolicyAcknowledgement>().HasQueryFilter(k =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(k.AgentId));
        builder.Entity<CustomerProtection>().HasQueryFilter(p =>
            EF.Constant(ScopeEverything) || AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(p.AgentId));
        // A reseller learns of a case about its subtree once it is confirmed (DESIGN.md §8): an unproven report or a
        // dismissed one is Compliance's business only.
        builder.Entity<ViolationCase>().HasQueryFilter(c =>
            EF.Constant(ScopeEverything)
            || (c.ConfirmedAt != null && AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => (int?)l.DescendantId).Contains(c.SubjectAgentId)));

        // A reseller's customers are those its subtree has registered a deal on or holds (or held) protection for.
        builder.Entity<Customer>().HasQueryFilter(c =>
            EF.Constant(ScopeEverything)
            || Set<DealRegistration>().Where(d => AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(d.AgentId)).Select(d => d.CustomerId).Contains(c.Id)
            || Set<CustomerProtection>().Where(p => AgentLinks.Where(l => l.AncestorId == ScopeRoot).Select(l => l.DescendantId).Contains(p.AgentId)).Select(p => p.CustomerId).Contains(c.Id));

        // The audit trail is for vendor staff; a reseller reads its deals' timelines through the deal services.
        builder.Entity<AuditEntry>().HasQueryFilter(e => EF.Constant(ScopeEverything));
        builder.Entity<AuditCheckpoint>().HasQueryFilter(c => EF.Constant(ScopeEverything));
    }
}
