using System.Security.Claims;
using MudBlazor;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Agents;

namespace Portal.Components.Layout;

/// <summary>
/// One entry of the navigation menu and the roles that see it; with <see cref="Tiers"/>, only agents of those tiers
/// (the <see cref="PortalClaims.AgentTier"/> claim) among them.
/// </summary>
public sealed record NavItem(string Key, string Href, string Icon, IReadOnlyList<string> Roles, IReadOnlyList<string>? Tiers = null);

/// <summary>
/// The menu, by role. Hiding an entry is a convenience only: every page carries its own [Authorize] with the same
/// roles, so a hidden page is refused when typed in.
/// </summary>
public static class PortalMenu
{
    private static readonly string[] Everyone = [.. PortalRoles.All];

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Dashboard", "/", Icons.Material.Filled.Dashboard, Everyone),
        new("Deals", "/deals", Icons.Material.Filled.Assignment, [PortalRoles.Reseller, PortalRoles.ChannelManager]),
        new("Review", "/review", Icons.Material.Filled.FactCheck, [PortalRoles.ChannelManager]),
        new("Cases", "/cases", Icons.Material.Filled.Gavel, [PortalRoles.Compliance, PortalRoles.ChannelManager]),
        new("Agents", "/agents", Icons.Material.Filled.Hub, [PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new("VendorDirect", "/vendor-direct", Icons.Material.Filled.Storefront, [PortalRoles.ChannelManager]),
        new("Customers", "/customers", Icons.Material.Filled.Business, [PortalRoles.Reseller, PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new("Authorizations", "/authorizations", Icons.Material.Filled.AltRoute, [PortalRoles.Reseller]),

        // Recruitment (DESIGN.md §2.2): only Core agents and above develop sub-agents.
        new("SubAgents", "/sub-agents", Icons.Material.Filled.AccountTree, [PortalRoles.Reseller], [nameof(AgentTier.Strategic), nameof(AgentTier.Core)]),
        new("PriceList", "/prices", Icons.Material.Filled.PriceChange, [PortalRoles.ChannelManager, PortalRoles.Reseller, PortalRoles.Compliance]),
        new("Rules", "/rules", Icons.Material.Filled.AccountTree, Everyone),
        new("AuditLog", "/audit", Icons.Material.Filled.VerifiedUser, [PortalRoles.Compliance, PortalRoles.Admin]),
        new("Users", "/admin/users", Icons.Material.Filled.ManageAccounts, [PortalRoles.Admin]),
    ];

    public static IEnumerable<NavItem> ItemsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tier = user.FindFirst(PortalClaims.AgentTier)?.Value;
        return Items.Where(i => i.Roles.Any(user.IsInRole) && (i.Tiers is null || (tier is not null && i.Tiers.Contains(tier, StringComparer.Ordinal))));
    }
}
