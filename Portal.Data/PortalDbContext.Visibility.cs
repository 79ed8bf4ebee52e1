using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
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

    // The filters read these two members of the context instance; EF parameterizes them per query.
    private bool ScopeEverything => Scope.Everything;

    private int? ScopeAgentId => Scope.AgentId;

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
        builder.Entity<Agent>().HasQueryFilter(a =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == a.Id));
        builder.Entity<DealRegistration>().HasQueryFilter(d =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == d.AgentId));
        builder.Entity<CrossRegionAuthorization>().HasQueryFilter(x =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == x.AgentId));
        builder.Entity<SalesReport>().HasQueryFilter(s =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == s.AgentId));
        builder.Entity<CustomerProtection>().HasQueryFilter(p =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == p.AgentId));
        builder.Entity<ViolationCase>().HasQueryFilter(c =>
            ScopeEverything || AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == c.SubjectAgentId));

        // A reseller's customers are those its subtree has registered a deal on or holds (or held) protection for.
        builder.Entity<Customer>().HasQueryFilter(c =>
            ScopeEverything
            || Set<DealRegistration>().Any(d => d.CustomerId == c.Id && AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == d.AgentId))
            || Set<CustomerProtection>().Any(p => p.CustomerId == c.Id && AgentLinks.Any(l => l.AncestorId == ScopeAgentId && l.DescendantId == p.AgentId)));

        // The audit trail is for vendor staff; a reseller reads its deals' timelines through the deal services.
        builder.Entity<AuditEntry>().HasQueryFilter(e => ScopeEverything);
    }
}
