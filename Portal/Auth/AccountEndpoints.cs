using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;

namespace Portal.Auth;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c>: a form post with an antiforgery token (a link could be forged).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext http, SignInManager<PortalUser> signInManager, PortalSessions sessions, [FromForm] string? returnUrl) =>
        {
            // The session ends on every instance, not only in this browser (ADR 37).
            await sessions.SignOutAsync(http.User, http.RequestAborted).ConfigureAwait(false);
            await signInManager.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
