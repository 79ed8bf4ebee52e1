using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Api;
using Portal.Data.Identity;

namespace Portal.Auth;

/// <summary>
/// Bearer tokens are self-contained, so on every API request the token's account is checked again: a disabled,
/// locked-out or deleted user, or one whose role or password changed since the token was issued (security stamp),
/// is treated as anonymous and gets 401 at once.
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
                var options = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
                if (!await PortalAuthenticationStateProvider.IsStillValidAsync(users, context.User, options).ConfigureAwait(false))
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(context).ConfigureAwait(false);
        });
}
