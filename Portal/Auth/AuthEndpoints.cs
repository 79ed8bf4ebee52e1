using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Api;
using Portal.Data.Identity;
using Portal.Features.Audit;
using Portal.Localization;

namespace Portal.Auth;

public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, string? AgentCode, string? Tier);

/// <summary><c>POST /api/v1/auth/login</c> and <c>GET /api/v1/me</c> (DESIGN.md §7).</summary>
public static class AuthEndpoints
{
    /// <summary>Credentials are a few dozen bytes: anything larger is not a sign-in.</summary>
    public const long LoginBodyLimit = 4 * 1024;

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithRequestBodyLimit(LoginBodyLimit)
            .WithTags("Auth")
            .WithName("SignIn")
            .WithSummary("Exchange email and password for a bearer token")
            .WithRequestExample(new LoginRequest("gz@channels.local", "Demo#2026"))
            .Produces<AccessTokenResponse>()
            .Refuses(StatusCodes.Status401Unauthorized);

        api.MapGet("/me", (HttpContext http) =>
            {
                var user = CurrentUser.From(http.User)!;
                return TypedResults.Ok(new MeResponse(user.Email, user.DisplayName, user.Roles, user.AgentCode, user.AgentTier));
            })
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithTags("Auth")
            .WithName("GetMe")
            .WithSummary("Who the token belongs to: roles, agent code and tier")
            .Produces<MeResponse>();
        return api;
    }

    // Same lockout as the sign-in page: five failures lock the account for 15 minutes.
    private static async Task<IResult> LoginAsync(LoginRequest body, SignInManager<PortalUser> signInManager, AuditTrail audit, IStringLocalizer<SharedResource> localizer)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, AuthCodes.InvalidCredentials, "SignIn_Required");
        }

        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(body.Email.Trim(), body.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        await audit.RecordSignInAsync(body.Email.Trim(), result, "api").ConfigureAwait(false);
        if (result.Succeeded)
        {
            // The bearer token handler has written {tokenType, accessToken, expiresIn, refreshToken}.
            return TypedResults.Empty;
        }

        return result.IsLockedOut ? ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, AuthCodes.AccountLocked, "SignIn_LockedOut")
            : result.IsNotAllowed ? ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, AuthCodes.AccountDisabled, "SignIn_NotAllowed")
            : ApiProblems.Problem(localizer, StatusCodes.Status401Unauthorized, AuthCodes.InvalidCredentials, "SignIn_Invalid");
    }
}

/// <summary>Why a sign-in through the API was refused.</summary>
public static class AuthCodes
{
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string AccountDisabled = "ACCOUNT_DISABLED";
}
