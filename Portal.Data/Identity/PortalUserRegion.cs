namespace Portal.Data.Identity;

/// <summary>
/// One region a ChannelManager is scoped to (DESIGN.md §9, ADR 26). A manager with none sees the whole channel; one
/// with some sees the agents, customers and deals of those regions only.
/// </summary>
public sealed class PortalUserRegion
{
    public string UserId { get; set; } = string.Empty;

    public string RegionCode { get; set; } = string.Empty;
}
