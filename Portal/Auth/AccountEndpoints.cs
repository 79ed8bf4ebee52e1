using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;

namespace Portal.Auth;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c>: a form post with an antiforgery token (a link could be forged).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
