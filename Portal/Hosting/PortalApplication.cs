using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Portal.Api;
using Portal.Auth;
using Portal.Components;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Features.Import;
using Portal.Features.Exports;
using Portal.Localization;
using Portal.Operations;

namespace Portal.Hosting;

/// <summary>Service registration and the request pipeline, in the order they run.</summary>
public static class PortalApplication
{
    private const string PortalScheme = "Portal";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            // Structured logs as JSON lines for a log collector; Development keeps the readable console.
            builder.Logging.ClearProviders().AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddPortalDatabase();
        services.AddPortalIdentity();

        // Keys in the database: restarts and several instances keep cookies and bearer tokens valid.
        services.AddDataProtection().PersistKeysToDbContext<PortalDbContext>().SetApplicationName("Channels");
        services.AddPortalLocalization();

        services.AddApiErrors();
        services.AddApiDocumentation();
        services.AddApiJson();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<PageFocus>();
        services.AddPortalFeatures();

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", HealthStatus.Unhealthy, [DatabaseHealth.ReadyTag], customTestQuery: DatabaseHealth.ProbeAsync);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();

        // The caller's language is chosen first, so that every answer after it — an error the boundary or the
        // status-code pages write on the way out included — is in that language.
        app.UsePortalLocalization();

        // Errors: the API answers RFC 9457 ProblemDetails; pages show the portal's own not-found page. Both come before
        // routing, so that a re-executed request (/not-found, /error) is routed again.
        app.UseWhen(ApiRoutes.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiRoutes.IsApi(context), web => web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseApiAccountValidation();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoint();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapEvidenceDownloads();
        app.MapImportTemplates();
        app.MapExportDownloads();
        app.MapPortalApi();
        app.MapApiDocumentation();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        // Pages use the Identity cookie; the API under /api uses bearer tokens only (no cookie, so no CSRF).
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PortalScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(PortalScheme, PortalScheme, o => o.ForwardDefaultSelector = context =>
                ApiRoutes.IsApi(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "Channels.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = PortalSessions.KeepSessionAsync;
        });
        services.AddSingleton<PortalSessions>();

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();
        return services;
    }
}
