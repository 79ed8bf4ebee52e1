using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Identity;
using Portal.Features;

namespace Portal.Auth;

/// <summary>
/// Sign-in sessions across instances (ADR 37). Every sign-in (cookie or bearer token) carries a session id claim; signing
/// out records the id in <c>SignedOutSessions</c>, in the database every instance reads, so a copy of the cookie is refused
/// on any instance at its next check — without rotating the account's security stamp, which would end the user's other
/// sessions. One rule decides whether a principal is still valid: the account exists, is enabled and not locked out,
/// its security stamp is the principal's, and its session was not signed out. Cookies apply it every validation interval
/// (one minute), circuits every minute, the API on every request.
/// </summary>
public sealed class PortalSessions(
    PortalData data,
    ChannelWrites writes,
    IOptions<IdentityOptions> identityOptions,
    IOptionsMonitor<CookieAuthenticationOptions> cookieOptions,
    IOptions<SecurityStampValidatorOptions> validatorOptions,
    TimeProvider clock)
{
    /// <summary>A new session id for a sign-in (32 hex digits).</summary>
    public static Claim NewSessionClaim() => new(PortalClaims.Session, Guid.NewGuid().ToString("N"));

    /// <summary>Copies the session id onto a principal rebuilt by the security stamp validator (same session, fresh claims).</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(PortalClaims.Session) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == PortalClaims.Session))
        {
            identity.AddClaim(new Claim(PortalClaims.Session, session.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>The one check shared by cookies, circuits and bearer tokens.</summary>
    public async Task<bool> IsStillValidAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(principal);
        var user = await userManager.GetUserAsync(principal).ConfigureAwait(false);
        return user is not null && await IsStillValidAsync(userManager, user, principal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same check for a principal whose account is already loaded.</summary>
    public async Task<bool> IsStillValidAsync(UserManager<PortalUser> userManager, PortalUser user, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(principal);
        if (user.IsDisabled || await userManager.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (principalStamp != await userManager.GetSecurityStampAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        return !await IsSignedOutAsync(principal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the principal's session was signed out (on any instance). A principal without a session id has none to end.</summary>
    public async Task<bool> IsSignedOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(PortalClaims.Session) is not { Length: > 0 } session)
        {
            return false;
        }

        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        return await db.SignedOutSessions.AnyAsync(s => s.Id == session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the principal's session as signed out, kept until no cookie of it can be valid (the cookie's lifetime and
    /// one validation interval from now); rows past that are pruned in the same transaction.
    /// </summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(PortalClaims.Session) is not { Length: SignedOutSession.IdLength } session)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var keepUntil = now + cookieOptions.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan + validatorOptions.Value.ValidationInterval;
        await writes.RunUnitAsync("SignOut", async (db, ct) =>
        {
            await db.SignedOutSessions.Where(s => s.KeepUntil < now).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            if (!await db.SignedOutSessions.AnyAsync(s => s.Id == session, ct).ConfigureAwait(false))
            {
                db.SignedOutSessions.Add(new SignedOutSession(session, now, keepUntil));
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }
}
