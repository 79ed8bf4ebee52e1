using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Regions;

namespace Portal.Features;

/// <summary>
/// Hands out database contexts that already know whose eyes they read with. Pages, components and API endpoints
/// read through <see cref="ForAsync"/>; only rule evaluation and system work read the whole channel, and say so.
/// </summary>
public sealed class PortalData(IDbContextFactory<PortalDbContext> factory)
{
    /// <summary>A context limited to what <paramref name="user"/> may see.</summary>
    public async Task<PortalDbContext> ForAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return db.WithScope(ScopeOf(user));
    }

    /// <summary>
    /// A context over the whole channel, for applying the rules (customer protection must see every holder) and
    /// for system work. Never hand its results to a caller unfiltered.
    /// </summary>
    public async Task<PortalDbContext> ForRulesAsync(CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return db.WithScope(DataScope.All);
    }

    /// <summary>
    /// Vendor staff see the whole channel, a ChannelManager scoped to regions those regions (ADR 26); a reseller its own
    /// subtree; anyone else nothing.
    /// </summary>
    public static DataScope ScopeOf(CurrentUser? user)
    {
        if (user is null)
        {
            return DataScope.Nobody;
        }

        if (user.IsInRole(PortalRoles.Reseller))
        {
            return user.AgentId is { } agentId ? DataScope.Subtree(agentId) : DataScope.Nobody;
        }

        if (user.IsInRole(PortalRoles.ChannelManager) && user.ScopeRegions.Count > 0)
        {
            return DataScope.Within(user.ScopeRegions.Select(RegionCode.Parse));
        }

        return user.IsInRole(PortalRoles.ChannelManager) || user.IsInRole(PortalRoles.Compliance) || user.IsInRole(PortalRoles.Admin)
            ? DataScope.All
            : DataScope.Nobody;
    }
}
