using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>
/// Re-checks a live Blazor circuit's user every minute: a disabled, locked-out or deleted account, or one whose
/// security stamp changed (role change, password reset), loses its session without waiting for the next sign-in.
/// </summary>
public sealed class PortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await IsStillValidAsync(userManager, authenticationState.User, options.Value).ConfigureAwait(false);
    }

    /// <summary>The one check shared by circuits and cookies: the account exists, is enabled, and its stamp matches.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal, IdentityOptions identityOptions)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(identityOptions);
        var user = await userManager.GetUserAsync(principal).ConfigureAwait(false);
        if (user is null || user.IsDisabled || await userManager.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user).ConfigureAwait(false);
    }
}
