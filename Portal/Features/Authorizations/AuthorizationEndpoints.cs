using Portal.Api;
using Portal.Auth;
using Portal.Domain.Authorizations;

namespace Portal.Features.Authorizations;

/// <summary>Why an approved authorization is revoked.</summary>
public sealed record RevokeBody(string? Reason);

/// <summary>An authorization after a decision on it.</summary>
public sealed record AuthorizationChangeResponse(int Id, AuthorizationStatus Status);

/// <summary>Cross-region authorizations for integrations (DESIGN.md §9): a channel manager revokes one, with a reason.</summary>
public static class AuthorizationEndpoints
{
    public static RouteGroupBuilder MapAuthorizationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var authorizations = api.MapGroup("/authorizations").WithTags("Authorizations");

        authorizations.MapPost("/{id:int}/revoke", async (int id, RevokeBody body, HttpContext http, CrossRegionAuthorizationService service, CancellationToken ct) =>
                (await service.RevokeAsync(CurrentUser.From(http.User)!, id, body.Reason, ct).ConfigureAwait(false))
                    .ToHttp(http, a => TypedResults.Ok(new AuthorizationChangeResponse(a.Id, a.Status))))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("RevokeAuthorization")
            .WithSummary("Approved → Revoked before its window ends, with the reason; the agent no longer operates in that region on its strength")
            .WithRequestExample(new RevokeBody("项目已结束，授权提前收回。"))
            .Produces<AuthorizationChangeResponse>()
            .Refuses(StatusCodes.Status409Conflict);
        return api;
    }
}
