using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>Identity's sign-in manager, refusing disabled accounts (they answer "not allowed", never "succeeded"), with a session per sign-in.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    PortalSessions sessions)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Every sign-in, cookie or bearer token, starts a session of its own (ADR 37).</summary>
    public override Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims) =>
        base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, PortalSessions.NewSessionClaim()]);

    /// <summary>
    /// The cookie's periodic check (every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>): Identity's
    /// stamp check, and then the portal's one rule — enabled, not locked out, session not signed out on any instance.
    /// </summary>
    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal).ConfigureAwait(false);
        return user is not null && principal is not null && await sessions.IsStillValidAsync(UserManager, user, principal).ConfigureAwait(false) ? user : null;
    }

    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user).ConfigureAwait(false);
    }
}
