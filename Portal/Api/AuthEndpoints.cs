using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Features.Audit;
using Portal.Localization;

namespace Portal.Api;

public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, string? AgentCode, string? Tier);

/// <summary><c>POST /api/v1/auth/login</c> and <c>GET /api/v1/me</c> (DESIGN.md §7).</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Exchange email and password for a bearer token")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/me", (HttpContext http) =>
            {
                var user = CurrentUser.From(http.User)!;
                return TypedResults.Ok(new MeResponse(user.Email, user.DisplayName, user.Roles, user.AgentCode, user.AgentTier));
            })
            .WithTags("Auth")
            .WithSummary("Who the token belongs to: roles, agent code and tier");
        return api;
    }

    // Same lockout as the sign-in page: five failures lock the account for 15 minutes.
    private static async Task<IResult> LoginAsync(LoginRequest? body, SignInManager<PortalUser> signInManager, AuditTrail audit, IStringLocalizer<SharedResource> localizer)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, "INVALID_CREDENTIALS", "SignIn_Required");
        }

        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(body.Email.Trim(), body.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        await audit.RecordSignInAsync(body.Email.Trim(), result, "api").ConfigureAwait(false);
        if (result.Succeeded)
        {
            // The bearer token handler has written {tokenType, accessToken, expiresIn, refreshToken}.
            return TypedResults.Empty;
        }

        return result.IsLockedOut ? ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, "ACCOUNT_LOCKED", "SignIn_LockedOut")
            : result.IsNotAllowed ? ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, "ACCOUNT_DISABLED", "SignIn_NotAllowed")
            : ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, "INVALID_CREDENTIALS", "SignIn_Invalid");
    }
}
