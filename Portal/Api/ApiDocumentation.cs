using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Portal.Api;

/// <summary>
/// The OpenAPI description (<c>/openapi/v1.json</c>) and the interactive API reference (<c>/api-reference</c>).
/// </summary>
public static class ApiDocumentation
{
    public const string ReferencePath = "/api-reference";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<BearerSecurity>());

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Channels API")
                .DisableDefaultFonts()
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>Declares the bearer token scheme, so the reference page can send a token with "Try it".</summary>
    private sealed class BearerSecurity : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Channels API",
                Version = "v1",
                Description = "Deal registration (报备), customer availability, sales reports and violation reports for resellers and the vendor's systems. Sign in with POST /api/v1/auth/login and send the token as 'Authorization: Bearer …'. Errors are RFC 9457 ProblemDetails with a machine-readable code.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken returned by POST /api/v1/auth/login.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
