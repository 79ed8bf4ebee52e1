using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;

namespace Portal.Api;

/// <summary>
/// The body of every error the API answers: an RFC 9457 ProblemDetails with the API's own members — the machine code,
/// the field errors of a 400 (field → codes), every reason of a refusal with its sentence, and the server's request
/// id. Title, detail and messages are in the caller's language (Accept-Language).
/// </summary>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string Code,
    string RequestId,
    IReadOnlyDictionary<string, string[]>? Errors,
    IReadOnlyList<ReasonMessage>? Reasons);

/// <summary>
/// What each API operation states in the document beside its success: the errors it can answer, each an
/// <see cref="ApiProblem"/>. An operation declares the errors only it knows (<see cref="Refuses"/>: a rule's 409, a
/// 429); <see cref="StatesItsErrors"/> adds those its own metadata implies, so an endpoint added later is documented
/// without anyone remembering to.
/// </summary>
public static class ApiContract
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Declares errors the operation answers, as <see cref="ApiProblem"/>s.</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.WithMetadata(Problem(status));
        }

        return builder;
    }

    /// <summary>A request body to show in the document: what a client sends in the ordinary case.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(example);
        return builder.WithMetadata(new RequestExample(example));
    }

    /// <summary>
    /// Every endpoint of the group states the errors its metadata implies, unless it declared them itself: 401 and 403
    /// where it requires authorization; 400 (malformed or invalid body), 413 and 415 where it reads a JSON body; 404
    /// where its route names a record; 500 everywhere.
    /// </summary>
    public static RouteGroupBuilder StatesItsErrors(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            foreach (var status in Implied(endpoint).Where(declared.Add))
            {
                endpoint.Metadata.Add(Problem(status));
            }
        });
        return group;
    }

    private static IEnumerable<int> Implied(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
        {
            yield return StatusCodes.Status400BadRequest;
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
        {
            yield return StatusCodes.Status404NotFound;
        }

        yield return StatusCodes.Status500InternalServerError;
    }

    private static ProducesResponseTypeMetadata Problem(int status) => new(status, typeof(ApiProblem), [ProblemContentType]);

    /// <summary>The example request body of an operation (see <see cref="WithRequestExample"/>).</summary>
    public sealed record RequestExample(object Body);
}
