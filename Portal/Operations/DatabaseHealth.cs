using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Operations;

/// <summary><c>GET /healthz/live</c>, <c>/healthz/ready</c> and <c>/healthz</c> (= ready): the process, and the database with every migration applied.</summary>
public static class DatabaseHealth
{
    public static async Task<bool> ProbeAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        return !pending.Any();
    }

    /// <summary>The tag of the checks readiness runs (the database); liveness runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (no database: a load balancer must not restart every instance when the
    /// database is down); <c>/healthz/ready</c>: the database answers with every migration applied (send traffic here);
    /// <c>/healthz</c>: readiness, as it always was.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/healthz", "GetHealth", "Whether the portal is ready: its database answers with every migration applied (as /healthz/ready); anyone may ask", ready: true);
        Map(endpoints, "/healthz/ready", "GetReadiness", "Whether the portal is ready for traffic: its database answers with every migration applied; anyone may ask", ready: true);
        Map(endpoints, "/healthz/live", "GetLiveness", "Whether the portal process answers, without asking the database; anyone may ask", ready: false);
        return endpoints;
    }

    // Healthy or degraded is 200 and unhealthy 503, as load balancers expect of a health check.
    private static void Map(IEndpointRouteBuilder endpoints, string pattern, string name, string summary, bool ready) =>
        endpoints.MapGet(pattern, async (HealthCheckService health, DatabaseOptions options, CancellationToken ct) =>
            {
                var report = await health.CheckHealthAsync(check => ready && check.Tags.Contains(ReadyTag), ct).ConfigureAwait(false);
                var body = new HealthResponse(
                    report.Status,
                    Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                    [.. report.Entries.Select(e => new HealthCheckResponse(e.Key, e.Value.Status, options.Provider.ToString(), e.Value.Description ?? e.Value.Exception?.Message))]);
                return report.Status == HealthStatus.Unhealthy ? (IResult)TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
            })
            .AllowAnonymous()
            .WithTags("Health")
            .WithName(name)
            .WithSummary(summary)
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(ready ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
}

/// <summary>The portal's health: overall, how long the checks took, and each check.</summary>
public sealed record HealthResponse(HealthStatus Status, double TotalDurationMs, IReadOnlyList<HealthCheckResponse> Checks);

/// <summary>One check of a health endpoint: the database (readiness), on which provider.</summary>
public sealed record HealthCheckResponse(string Name, HealthStatus Status, string Provider, string? Description);
