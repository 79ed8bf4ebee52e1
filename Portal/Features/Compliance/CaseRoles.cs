using Portal.Auth;
using Portal.Data.Identity;

namespace Portal.Features.Compliance;

/// <summary>Who may do what with violation cases (DESIGN.md §1); every service method asks before anything else.</summary>
internal static class CaseRoles
{
    /// <summary>Investigation, decisions, penalties and appeals are Compliance's.</summary>
    public static bool Investigates(CurrentUser? user) => user?.IsInRole(PortalRoles.Compliance) == true;

    /// <summary>A case against a known agent can also be opened by the channel manager who noticed the violation.</summary>
    public static bool OpensCases(CurrentUser? user) =>
        user is not null && (user.IsInRole(PortalRoles.Compliance) || user.IsInRole(PortalRoles.ChannelManager));

    /// <summary>
    /// Cases are read by Compliance and ChannelManagers (all of them) and by resellers (those about their subtree, by the
    /// query filters); the Admin runs the system, not the channel.
    /// </summary>
    public static bool ReadsCases(CurrentUser? user) =>
        user is not null && (user.IsInRole(PortalRoles.Compliance) || user.IsInRole(PortalRoles.ChannelManager) || user.IsInRole(PortalRoles.Reseller));

    /// <summary>A penalty is appealed by the penalized agent's own staff, or recorded by Compliance when it arrives otherwise.</summary>
    public static bool Appeals(CurrentUser? user) =>
        user is not null && (user.IsInRole(PortalRoles.Compliance) || user.IsInRole(PortalRoles.Reseller));
}
