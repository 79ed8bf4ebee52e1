using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Operations;

/// <summary><c>GET /healthz</c>: whether the database answers and has every migration applied.</summary>
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

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // Healthy or degraded is 200 and unhealthy 503, as load balancers expect of a health check.
        endpoints.MapGet("/healthz", async (HealthCheckService health, DatabaseOptions options, CancellationToken ct) =>
            {
                var report = await health.CheckHealthAsync(ct).ConfigureAwait(false);
                var body = new HealthResponse(
                    report.Status,
                    Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                    [.. report.Entries.Select(e => new HealthCheckResponse(e.Key, e.Value.Status, options.Provider.ToString(), e.Value.Description ?? e.Value.Exception?.Message))]);
                return report.Status == HealthStatus.Unhealthy ? (IResult)TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
            })
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Whether the portal and its database answer, with every migration applied; anyone may ask")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}

/// <summary>The portal's health: overall, how long the checks took, and each check.</summary>
public sealed record HealthResponse(HealthStatus Status, double TotalDurationMs, IReadOnlyList<HealthCheckResponse> Checks);

/// <summary>One check of <c>/healthz</c>: the database, on which provider.</summary>
public sealed record HealthCheckResponse(string Name, HealthStatus Status, string Provider, string? Description);
