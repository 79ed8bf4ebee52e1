namespace Portal.Data.Identity;

/// <summary>The four roles of DESIGN.md §1.</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string ChannelManager = "ChannelManager";
    public const string Compliance = "Compliance";
    public const string Reseller = "Reseller";

    public static IReadOnlyList<string> All { get; } = [Admin, ChannelManager, Compliance, Reseller];
}
