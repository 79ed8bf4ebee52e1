using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                var provider = context.RequestServices.GetRequiredService<DatabaseOptions>().Provider;
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                    checks = report.Entries.Select(e => new
                    {
                        name = e.Key,
                        status = e.Value.Status.ToString(),
                        provider = provider.ToString(),
                        description = e.Value.Description ?? e.Value.Exception?.Message,
                    }),
                }, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
