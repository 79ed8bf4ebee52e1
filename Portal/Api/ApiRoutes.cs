using Portal.Auth;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Authorizations;
using Portal.Features.Catalog;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;
using Portal.Features.Import;
using Portal.Features.Notifications;

namespace Portal.Api;

/// <summary>
/// The integration API under <c>/api/v1</c>: bearer tokens only, ProblemDetails for every error. Each area maps its own
/// endpoints (<c>Features/&lt;Area&gt;/…Endpoints.cs</c>); this group is what they share.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            // The default scheme forwards /api to the bearer handler (never the cookie); the principal has been
            // re-checked against the account by ApiAccountValidation, so the policy must not re-authenticate.
            .RequireAuthorization()
            .WithAccessDeniedAsForbidden()
            .StatesItsErrors();
        api.MapAuthEndpoints();
        api.MapCatalogEndpoints();
        api.MapDealEndpoints();
        api.MapViolationEndpoints();
        api.MapCaseEndpoints();
        api.MapAuditEndpoints();
        api.MapAgentEndpoints();
        api.MapCustomerEndpoints();
        api.MapAuthorizationEndpoints();
        api.MapDashboardEndpoints();
        api.MapImportEndpoints();
        api.MapNotificationEndpoints();

        // Anything else under /api is simply not there: routing finds no endpoint (404), or one that does not take the
        // method (405) or the media type (415), and the boundary answers each as a coded ProblemDetails (ApiErrors).
        return endpoints;
    }
}
