using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;

namespace Portal.Features.Dashboard;

/// <summary>One headline figure on a dashboard; <see cref="Key"/> names its label in the string table.</summary>
public sealed record Headline(string Key, long Value, string Icon);

/// <summary>The landing page's headline counts, chosen by role and read from the database.</summary>
public sealed class DashboardService(PortalData data, BusinessClock clock)
{
    private static readonly DealStatus[] OpenDealStatuses = [DealStatus.Approved, DealStatus.PendingReview, DealStatus.ExtensionRequested];
    private static readonly CaseState[] ClosedCaseStates = [CaseState.Closed, CaseState.Dismissed];

    public async Task<IReadOnlyList<Headline>> GetAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        return user.PrimaryRole switch
        {
            PortalRoles.ChannelManager => await ManagerAsync(db, now, cancellationToken).ConfigureAwait(false),
            PortalRoles.Reseller when user.AgentId is { } agentId => await ResellerAsync(db, agentId, now, cancellationToken).ConfigureAwait(false),
            PortalRoles.Compliance => await ComplianceAsync(db, now, cancellationToken).ConfigureAwait(false),
            PortalRoles.Admin => await AdminAsync(db, now, cancellationToken).ConfigureAwait(false),
            _ => [],
        };
    }

    private static async Task<IReadOnlyList<Headline>> ManagerAsync(PortalDbContext db, DateTime now, CancellationToken ct) =>
    [
        new("Dash_ActiveAgents", await db.Agents.CountAsync(a => a.Status == ContractStatus.Active, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Hub),
        new("Dash_Applications", await db.Agents.CountAsync(a => a.Status == ContractStatus.Applied || a.Status == ContractStatus.UnderReview, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.PersonAdd),
        new("Dash_DealsPendingReview", await db.Deals.CountAsync(d => d.Status == DealStatus.PendingReview || d.Status == DealStatus.ExtensionRequested, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.RateReview),
        new("Dash_CrossRegionRequests", await db.CrossRegionAuthorizations.CountAsync(a => a.Status == AuthorizationStatus.Requested, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Map),
        new("Dash_ProtectedCustomers", await db.CustomerProtections.CountAsync(p => p.EndedAt == null && p.Until > now, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Shield),
    ];

    private static async Task<IReadOnlyList<Headline>> ResellerAsync(PortalDbContext db, int agentId, DateTime now, CancellationToken ct)
    {
        var soon = now.AddDays(14);
        return
        [
            new("Dash_MyOpenDeals", await db.Deals.CountAsync(d => d.AgentId == agentId && OpenDealStatuses.Contains(d.Status), ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Assignment),
            new("Dash_MyProtectedCustomers", await db.CustomerProtections.CountAsync(p => p.AgentId == agentId && p.EndedAt == null && p.Until > now, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Shield),
            new("Dash_MyExpiringSoon", await db.CustomerProtections.CountAsync(p => p.AgentId == agentId && p.EndedAt == null && p.Until > now && p.Until <= soon, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.HourglassBottom),
            new("Dash_MySubAgents", await db.AgentLinks.CountAsync(l => l.AncestorId == agentId && l.Depth > 0, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.AccountTree),
        ];
    }

    private static async Task<IReadOnlyList<Headline>> ComplianceAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var yearAgo = now.AddMonths(-12);
        return
        [
            new("Dash_OpenCases", await db.ViolationCases.CountAsync(c => !ClosedCaseStates.Contains(c.State), ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Gavel),
            new("Dash_NewReports", await db.ViolationCases.CountAsync(c => c.State == CaseState.Reported, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Report),
            new("Dash_PenaltiesThisYear", await db.ViolationCases.CountAsync(c => c.PenalizedAt != null && c.PenalizedAt > yearAgo, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Balance),
            new("Dash_AuditEntries", await db.AuditEntries.LongCountAsync(ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.VerifiedUser),
        ];
    }

    private static async Task<IReadOnlyList<Headline>> AdminAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        // Identity stores LockoutEnd as a DateTimeOffset, which SQLite cannot compare; the user table is small.
        var nowOffset = new DateTimeOffset(now);
        var lockoutEnds = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct).ConfigureAwait(false);
        return
        [
            new("Dash_Users", await db.Users.CountAsync(ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.People),
            new("Dash_LockedUsers", lockoutEnds.Count(end => end > nowOffset), MudBlazor.Icons.Material.Filled.Lock),
            new("Dash_DisabledUsers", await db.Users.CountAsync(u => u.IsDisabled, ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.Block),
            new("Dash_AuditEntries", await db.AuditEntries.LongCountAsync(ct).ConfigureAwait(false), MudBlazor.Icons.Material.Filled.VerifiedUser),
        ];
    }
}
