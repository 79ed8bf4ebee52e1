using System.Security.Claims;
using MudBlazor;
using Portal.Data.Identity;

namespace Portal.Components.Layout;

/// <summary>One entry of the navigation menu and the roles that see it.</summary>
public sealed record NavItem(string Key, string Href, string Icon, IReadOnlyList<string> Roles);

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
        new("PriceList", "/prices", Icons.Material.Filled.PriceChange, [PortalRoles.ChannelManager, PortalRoles.Reseller, PortalRoles.Compliance]),
        new("Rules", "/rules", Icons.Material.Filled.AccountTree, Everyone),
        new("AuditLog", "/audit", Icons.Material.Filled.VerifiedUser, [PortalRoles.Compliance, PortalRoles.Admin]),
        new("Users", "/admin/users", Icons.Material.Filled.ManageAccounts, [PortalRoles.Admin]),
    ];

    public static IEnumerable<NavItem> ItemsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Items.Where(i => i.Roles.Any(user.IsInRole));
    }
}
