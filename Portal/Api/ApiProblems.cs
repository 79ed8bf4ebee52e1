using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Localization;

namespace Portal.Api;

/// <summary>A reason as the API returns it: the stable code, the field it concerns, a sentence in the caller's language, and the guard key or action of a state machine's refusal.</summary>
public sealed record ReasonMessage(string Code, string? Field, string Message, string? Detail = null);

/// <summary>
/// The HTTP adapter of the use cases, and every error the API answers: RFC 9457 ProblemDetails in the caller's language
/// (<c>Accept-Language</c>) with a machine-readable <c>code</c>. A use case's result maps to its status in one place:
/// Invalid 400 (with field <c>errors</c>: field → codes), Refused 409 (the first reason's code), NotFound 404, Throttled
/// 429; every one lists its <c>reasons</c> with sentences.
/// </summary>
public static class ApiProblems
{
    /// <summary>The answer to a use case: <paramref name="onSuccess"/>'s, or its problem.</summary>
    public static IResult ToHttp<T>(this UseCaseResult<T> result, HttpContext http, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.Succeeded ? onSuccess(result.Value) : result.AsRefusal().ToHttp(http);
    }

    /// <summary>The problem a refusal answers.</summary>
    public static IResult ToHttp(this Refusal refusal, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(http);
        var localizer = Localizer(http);
        var reasons = Messages(refusal.Reasons, localizer);
        var detail = string.Join(" ", reasons.Select(r => r.Message).Distinct());
        var (status, code) = refusal.Outcome switch
        {
            UseCaseOutcome.Invalid => (StatusCodes.Status400BadRequest, ApiCodes.InvalidInput),
            UseCaseOutcome.NotFound => (StatusCodes.Status404NotFound, ApiCodes.NotFound),
            UseCaseOutcome.Throttled => (StatusCodes.Status429TooManyRequests, ApiCodes.TooManyRequests),
            _ => (StatusCodes.Status409Conflict, refusal.Reasons.Count > 0 ? refusal.Reasons[0].Code : ApiCodes.Conflict),
        };
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["reasons"] = reasons };
        if (refusal.Outcome == UseCaseOutcome.Invalid)
        {
            var errors = refusal.Reasons.GroupBy(r => r.Field ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(errors, detail: detail, title: localizer["Problem_400"], extensions: extensions);
        }

        return TypedResults.Problem(title: localizer[$"Problem_{status}"], detail: detail, statusCode: status, extensions: extensions);
    }

    /// <summary>Reasons as a response lists them (a registration's, a sale's notes), each with its sentence in the caller's language.</summary>
    public static IReadOnlyList<ReasonMessage> Messages(HttpContext http, IEnumerable<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Messages(reasons, Localizer(http));
    }

    /// <summary>An action's unmet state-machine guards as reasons (TRANSITION_GUARD_NOT_MET, detail: the guard key), each with its sentence.</summary>
    public static IReadOnlyList<ReasonMessage> Guards(HttpContext http, IEnumerable<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(unmetGuards);
        return Messages(http, unmetGuards.Select(g => new Reason(TransitionCode.GuardNotMet, null, g)));
    }

    /// <summary>An error that is not a use case's (a sign-in refused, a route that does not exist, a body too large).</summary>
    public static IResult Problem(IStringLocalizer<SharedResource> localizer, int status, string code, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return TypedResults.Problem(
            title: localizer[$"Problem_{status}"],
            detail: localizer[messageKey],
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    private static IStringLocalizer<SharedResource> Localizer(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    private static IReadOnlyList<ReasonMessage> Messages(IEnumerable<Reason> reasons, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return [.. reasons.Select(r => new ReasonMessage(r.Code, r.Field, ReasonText.Sentence(localizer, r), r.Detail))];
    }

    /// <summary>A service's refusal of an action beyond the caller's policy becomes 403, never a 500.</summary>
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
                return Problem(Localizer(context.HttpContext), StatusCodes.Status403Forbidden, ApiCodes.Forbidden, "AccessDenied_Text");
            }
        });
        return group;
    }
}

/// <summary>The codes of errors that are about the request rather than the channel's rules (those are the reasons' codes).</summary>
public static class ApiCodes
{
    public const string InvalidInput = "INVALID_INPUT";
    public const string MalformedBody = "MALFORMED_BODY";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotFound = UseCaseCode.NotFound;
    public const string Conflict = "CONFLICT";
    public const string TooManyRequests = UseCaseCode.TooManyRequests;
    public const string InternalError = "INTERNAL_ERROR";
}
