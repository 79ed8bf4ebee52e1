namespace Portal.Auth;

/// <summary>The portal's own claim types, added at sign-in by <see cref="PortalClaimsFactory"/>.</summary>
public static class PortalClaims
{
    public const string DisplayName = "channels:display_name";
    public const string AgentId = "channels:agent_id";
    public const string AgentCode = "channels:agent_code";
    public const string AgentTier = "channels:agent_tier";

    /// <summary>The sign-in session's id, issued at sign-in and ended by signing out, on every instance (ADR 37).</summary>
    public const string Session = "channels:session";

    /// <summary>One region a ChannelManager is scoped to, one claim each (ADR 26); none for the whole channel.</summary>
    public const string Region = "channels:region";
}
