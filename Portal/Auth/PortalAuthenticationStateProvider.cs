using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>
/// Re-checks a live Blazor circuit's user every minute: a disabled, locked-out or deleted account, one whose security
/// stamp changed (role change, password reset), or a session signed out on any instance, loses the circuit without
/// waiting for the next sign-in (<see cref="PortalSessions"/>).
/// </summary>
public sealed class PortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    PortalSessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await sessions.IsStillValidAsync(userManager, authenticationState.User, cancellationToken).ConfigureAwait(false);
    }
}
