using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Api;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>
/// Bearer tokens are self-contained, so on every API request the token's account is checked again: a disabled,
/// locked-out or deleted user, or one whose role or password changed since the token was issued (security stamp),
/// or a session signed out, is treated as anonymous and gets 401 at once (<see cref="PortalSessions"/>).
/// </summary>
public static class ApiAccountValidation
{
    public static IApplicationBuilder UseApiAccountValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // On /api the default scheme forwards to the bearer handler, so User is the token's principal.
            if (ApiRoutes.IsApi(context) && context.User.Identity?.IsAuthenticated == true)
            {
                var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
                var sessions = context.RequestServices.GetRequiredService<PortalSessions>();
                if (!await sessions.IsStillValidAsync(users, context.User, context.RequestAborted).ConfigureAwait(false))
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(context).ConfigureAwait(false);
        });
}
