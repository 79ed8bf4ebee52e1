using System.Security.Claims;
using MudBlazor;
using Portal.Auth;

namespace Portal.Components.Layout;

/// <summary>One entry of the navigation menu and the policy (<see cref="PortalPolicies"/>) a user needs to see it.</summary>
public sealed record NavItem(string Key, string Href, string Icon, string Policy);

/// <summary>
/// The menu. Hiding an entry is a convenience only: every page carries its own [Authorize] with the same policy, so a
/// hidden page is refused when typed in.
/// </summary>
public static class PortalMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Dashboard", "/", Icons.Material.Filled.Dashboard, PortalPolicies.SignedIn),
        new("Deals", "/deals", Icons.Material.Filled.Assignment, PortalPolicies.ReadDeals),
        new("Review", "/review", Icons.Material.Filled.FactCheck, PortalPolicies.ManageChannel),
        new("Cases", "/cases", Icons.Material.Filled.Gavel, PortalPolicies.MonitorCases),
        new("Agents", "/agents", Icons.Material.Filled.Hub, PortalPolicies.ReadAgents),
        new("Channel", "/channel", Icons.Material.Filled.AccountTree, PortalPolicies.ReadAgents),
        new("VendorDirect", "/vendor-direct", Icons.Material.Filled.Storefront, PortalPolicies.ManageChannel),
        new("Customers", "/customers", Icons.Material.Filled.Business, PortalPolicies.ReadCustomers),
        new("Import", "/import", Icons.Material.Filled.UploadFile, PortalPolicies.ManageChannel),
        new("Authorizations", "/authorizations", Icons.Material.Filled.AltRoute, PortalPolicies.Resell),
        new("AgentCases", "/compliance", Icons.Material.Filled.Gavel, PortalPolicies.Resell),

        // Recruitment (DESIGN.md §2.2): only Core agents and above develop sub-agents.
        new("SubAgents", "/sub-agents", Icons.Material.Filled.AccountTree, PortalPolicies.Recruit),
        new("PriceList", "/prices", Icons.Material.Filled.PriceChange, PortalPolicies.ReadPrices),
        new("Rules", "/rules", Icons.Material.Filled.AccountTree, PortalPolicies.SignedIn),
        new("AuditLog", "/audit", Icons.Material.Filled.VerifiedUser, PortalPolicies.ReadAudit),
        new("Users", "/admin/users", Icons.Material.Filled.ManageAccounts, PortalPolicies.AdministerUsers),
    ];

    public static IEnumerable<NavItem> ItemsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Items.Where(i => PortalPolicies.Allows(user, i.Policy));
    }
}
