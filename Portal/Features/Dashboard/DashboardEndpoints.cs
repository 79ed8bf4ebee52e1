using Portal.Auth;

namespace Portal.Features.Dashboard;

/// <summary>The caller's dashboard for integrations: the same figures as the home page, from the same service.</summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dashboard", async (HttpContext http, DashboardService dashboard, CancellationToken ct) =>
                TypedResults.Ok(await dashboard.GetAsync(CurrentUser.From(http.User)!, ct).ConfigureAwait(false)))
            .WithTags("Dashboard")
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("GetDashboard")
            .WithSummary("The caller's dashboard by role: headline figures and charts (label keys, counts), each figure with the address of the list filtered to what it counts")
            .Produces<DashboardView>();
        return api;
    }
}
