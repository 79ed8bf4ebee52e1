using System.Globalization;
using System.Security.Claims;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>
/// Who is acting, read from the principal's claims. <paramref name="Regions"/>: the regions a ChannelManager is scoped
/// to (ADR 26); none for the whole channel.
/// </summary>
public sealed record CurrentUser(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? AgentId, string? AgentCode, string? AgentTier, IReadOnlyList<string>? Regions = null)
{
    /// <summary>The regions a ChannelManager is scoped to; empty when it sees the whole channel.</summary>
    public IReadOnlyList<string> ScopeRegions => Regions ?? [];

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether the user holds a policy of <see cref="PortalPolicies"/> (every service method asks).</summary>
    public bool May(string policy) => PortalPolicies.Get(policy).Allows(IsInRole, AgentTier);

    /// <summary>The first of the user's roles, in the order of <see cref="PortalRoles.All"/>.</summary>
    public string? PrimaryRole => PortalRoles.All.FirstOrDefault(IsInRole);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var agentId = principal.FindFirstValue(PortalClaims.AgentId);
        return new CurrentUser(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity.Name ?? string.Empty,
            principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity.Name ?? string.Empty,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            agentId is null ? null : int.Parse(agentId, CultureInfo.InvariantCulture),
            principal.FindFirstValue(PortalClaims.AgentCode),
            principal.FindFirstValue(PortalClaims.AgentTier),
            principal.FindAll(PortalClaims.Region).Select(c => c.Value).ToList());
    }
}
