using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Localization;
using Portal.Components.Common;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Localization;

namespace Portal.Api;

/// <summary>
/// The boundary of <c>/api</c>: every error the framework raises about a request becomes the API's own ProblemDetails
/// with a <c>code</c>, in the caller's language — malformed JSON or a value of the wrong JSON type (400
/// <c>MALFORMED_BODY</c>, naming the field), a body that is not JSON (415), one over the endpoint's limit (413), an
/// empty 401/403/404/405, and any exception (500, in every environment: Development's exception page never answers the
/// API, so nothing of the request — its headers least of all — is ever echoed back).
/// </summary>
public static partial class ApiErrors
{
    /// <summary>The largest JSON body an authenticated endpoint accepts unless it says otherwise.</summary>
    public const long DefaultBodyLimit = 1024 * 1024;

    /// <summary>Declares how large a body an endpoint accepts (the anonymous ones accept little).</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new BodyLimit(bytes));
    }

    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        // Binding failures are exceptions, in every environment, so that the boundary below answers them.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var http = context.HttpContext;
            var status = problem.Status ?? http.Response.StatusCode;
            var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

            // The server's own request id, never the trace id a caller may have sent in a header.
            problem.Extensions.Remove("traceId");
            problem.Type ??= status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : "about:blank";
            problem.Extensions["requestId"] = http.TraceIdentifier;
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = CodeFor(status);
                var title = localizer[$"Problem_{status}"];
                problem.Title = title.ResourceNotFound ? problem.Title : title.Value;
                problem.Detail ??= DetailFor(localizer, status);
            }
        });
    }

    /// <summary>The boundary for <c>/api</c>, first in the pipeline: body limits, binding failures, exceptions.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(ApiRoutes.IsApi, api => api.Use(static async (context, next) =>
        {
            // An address no API endpoint has is simply not there, whatever the method (a fallback of the web pages
            // would otherwise answer 405).
            if (!IsApiAddress(context))
            {
                await WriteAsync(context, StatusCodes.Status404NotFound, ApiCodes.NotFound, "NotFound_Text", null).ConfigureAwait(false);
                return;
            }

            if (Limit(context) is { } limit && !Admit(context, limit))
            {
                await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ApiCodes.BodyTooLarge, "Problem_BodyTooLarge", null).ConfigureAwait(false);
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted && UnreadableParameter(ex) is { } field)
            {
                // A query or route value binding could not read (a word where a number or a status belongs): a field
                // error like any other invalid input.
                context.Response.Clear();
                await Refusal.Invalid(field, ReasonCode.InvalidValue).ToHttp(context).ExecuteAsync(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                var (code, key) = ex.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => (ApiCodes.BodyTooLarge, "Problem_BodyTooLarge"),
                    StatusCodes.Status415UnsupportedMediaType => (ApiCodes.UnsupportedMediaType, "Problem_UnsupportedMediaType"),
                    _ => (ApiCodes.MalformedBody, "Problem_MalformedBody"),
                };
                await WriteAsync(context, ex.StatusCode, code, key, FieldOf(ex)).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors));
                LogFailure(logger, context.Request.Method, context.Request.Path, ex);
                await WriteAsync(context, StatusCodes.Status500InternalServerError, ApiCodes.InternalError, "Problem_InternalError", null).ConfigureAwait(false);
            }
        }));

    // The endpoint routing chose is an API endpoint; or routing refused the method or media type (405, 415) of an address
    // some API endpoint has.
    private static bool IsApiAddress(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is RouteEndpoint route)
        {
            return IsApiPattern(route.RoutePattern.RawText);
        }

        if (endpoint is null)
        {
            return false;
        }

        var source = context.RequestServices.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsApiPattern(e.RoutePattern.RawText))
            .Any(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()).TryMatch(context.Request.Path, new RouteValueDictionary()));
    }

    private static bool IsApiPattern(string? pattern) =>
        pattern is not null && pattern.TrimStart('/').StartsWith(ApiRoutes.Prefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase);

    private static long? Limit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? null : DefaultBodyLimit);

    // A declared length over the limit is refused before anything is read; a body of unknown length is capped while
    // it is read (Kestrel's per-request limit, or a counting stream where the server has none).
    private static bool Admit(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        else
        {
            // Reads at most the limit; one byte more is a 413.
            context.Request.Body = new ReadCountingStream(context.Request.Body, read => _ = read > limit ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge) : read, leaveOpen: true);
        }

        return true;
    }

    // 'Failed to bind parameter "DealStatus? status" from "…".' (the framework's invariant message) → "status".
    private static string? UnreadableParameter(BadHttpRequestException exception) =>
        exception.InnerException is null && UnreadableParameterMessage().Match(exception.Message) is { Success: true } match
            ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value)
            : null;

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[A-Za-z0-9_]+)" from """, RegexOptions.CultureInvariant)]
    private static partial Regex UnreadableParameterMessage();

    // "$.lines[0].quantity" → "lines[0].quantity": the field as the API's field errors name it.
    private static string? FieldOf(BadHttpRequestException exception) =>
        exception.InnerException is JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$').TrimStart('.') : null;

    private static async Task WriteAsync(HttpContext context, int status, string code, string key, string? field)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is { Length: > 0 })
        {
            extensions["errors"] = new Dictionary<string, string[]> { [field] = [code] };
        }

        context.Response.Clear();
        await TypedResults.Problem(title: localizer[$"Problem_{status}"], detail: localizer[key], statusCode: status, extensions: extensions)
            .ExecuteAsync(context).ConfigureAwait(false);
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ApiCodes.MalformedBody,
        StatusCodes.Status401Unauthorized => ApiCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ApiCodes.Forbidden,
        StatusCodes.Status404NotFound => ApiCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiCodes.BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ApiCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ApiCodes.TooManyRequests,
        >= 500 => ApiCodes.InternalError,
        _ => "HTTP_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? DetailFor(IStringLocalizer localizer, int status) => status switch
    {
        StatusCodes.Status401Unauthorized => localizer["Problem_Unauthorized"].Value,
        StatusCodes.Status403Forbidden => localizer["AccessDenied_Text"].Value,
        StatusCodes.Status404NotFound => localizer["NotFound_Text"].Value,
        StatusCodes.Status405MethodNotAllowed => localizer["Problem_MethodNotAllowed"].Value,
        StatusCodes.Status415UnsupportedMediaType => localizer["Problem_UnsupportedMediaType"].Value,
        StatusCodes.Status413PayloadTooLarge => localizer["Problem_BodyTooLarge"].Value,
        >= 500 => localizer["Problem_InternalError"].Value,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, PathString path, Exception exception);

    private sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
