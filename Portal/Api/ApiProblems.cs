using Microsoft.Extensions.Localization;
using Portal.Features;
using Portal.Localization;

namespace Portal.Api;

/// <summary>RFC 9457 problem responses in the caller's language, with the machine-readable code alongside.</summary>
public static class ApiProblems
{
    public static IResult Problem(IStringLocalizer<SharedResource> localizer, int status, string code, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return TypedResults.Problem(
            title: localizer[$"Problem_{status}"],
            detail: localizer[messageKey],
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    /// <summary>A service's refusal of an action beyond the caller's role becomes 403, never a 500.</summary>
    public static RouteGroupBuilder WithAccessDeniedAsForbidden(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (AccessDeniedException)
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return Problem(localizer, StatusCodes.Status403Forbidden, "FORBIDDEN", "AccessDenied_Text");
            }
        });
        return group;
    }
}
