using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Identity;
using Portal.Features;

namespace Portal.Auth;

/// <summary>
/// Adds the display name and, for a Reseller, its agent's id, code and tier to the sign-in principal; for a ChannelManager
/// scoped to regions, its regions (ADR 26). A change of either renews the security stamp, so the claims are rebuilt.
/// </summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    PortalData data)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.AgentId is { } agentId)
        {
            await using var db = await data.ForRulesAsync().ConfigureAwait(false);
            var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => new { a.Code, a.Tier }).SingleAsync().ConfigureAwait(false);
            identity.AddClaim(new Claim(PortalClaims.AgentId, agentId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PortalClaims.AgentCode, agent.Code));
            identity.AddClaim(new Claim(PortalClaims.AgentTier, agent.Tier.ToString()));
        }

        if (await UserManager.IsInRoleAsync(user, PortalRoles.ChannelManager).ConfigureAwait(false))
        {
            await using var db = await data.ForRulesAsync().ConfigureAwait(false);
            var regions = await db.UserRegions.AsNoTracking().Where(r => r.UserId == user.Id).Select(r => r.RegionCode).OrderBy(r => r).ToListAsync().ConfigureAwait(false);
            foreach (var region in regions)
            {
                identity.AddClaim(new Claim(PortalClaims.Region, region));
            }
        }

        return identity;
    }
}
