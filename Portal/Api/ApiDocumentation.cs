using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Portal.Domain.Common;
using Scalar.AspNetCore;

namespace Portal.Api;

/// <summary>
/// The OpenAPI description (<c>/openapi/v1.json</c>) and the interactive API reference (<c>/api-reference</c>). The
/// document is produced from the endpoints' own metadata and types — nothing is written by hand — exact enough to
/// generate a working client: security per operation, every status an operation answers (<see cref="ApiContract"/>),
/// money as a decimal number with two places, a property required and non-null wherever it always has a value.
/// </summary>
public static class ApiDocumentation
{
    public const string ReferencePath = "/api-reference";

    public const string DocumentPath = "/openapi/v1.json";

    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer(DescribeAsync);
            options.AddOperationTransformer(SecureAndExemplifyAsync);
            options.AddSchemaTransformer(TypeExactly);
        });

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

    // The document's title and the bearer scheme the secured operations name.
    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Channels API",
            Version = "v1",
            Description = "Deal registration (报备), customer availability, sales reports and violation reports for resellers and the vendor's systems. "
                + "Sign in with POST /api/v1/auth/login and send the token as 'Authorization: Bearer …'. Every error is an RFC 9457 ProblemDetails "
                + "with a machine-readable code, in the language of Accept-Language. Lists count pages from 0. Dates are business dates in China time.",
        };
        // The API is served wherever the portal runs: no server of its own in the document (the default "/" applies), so
        // the document is the same on every host.
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken returned by POST /api/v1/auth/login.",
        };
        return Task.CompletedTask;
    }

    // Security where the endpoint requires authorization (sign-in and the public report need no token), and the
    // endpoint's example request body.
    private static Task SecureAndExemplifyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }

        if (metadata.OfType<ApiContract.RequestExample>().LastOrDefault() is { } example
            && operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/json", out var json))
        {
            var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            json.Example = JsonSerializer.SerializeToNode(example.Body, example.Body.GetType(), options);
        }

        return Task.CompletedTask;
    }

    // Money is a decimal number with two places (its JSON converter hides the type from the generator); a quantity is a
    // whole number, even where the input reads it as a decimal to answer 2.5 with INVALID_QUANTITY; an enum is a string
    // of its names; a property is required exactly when its value is never null (an absent detail or field list of a
    // problem is left out, not written as null).
    private static Task TypeExactly(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        if (valueType == typeof(byte[]))
        {
            // Only files are bytes here (an evidence download): served as they are, never base64 in JSON.
            schema.Format = "binary";
        }
        else if (valueType == typeof(decimal) && context.JsonPropertyInfo is { Name: "quantity" })
        {
            schema.Type = Typed(JsonSchemaType.Integer, nullable);
            schema.Format = null;
            schema.Pattern = null;
            schema.Minimum = "1";
            schema.Maximum = InputLimits.MaxQuantity.ToString(CultureInfo.InvariantCulture);
        }
        else if (valueType == typeof(decimal))
        {
            schema.Type = Typed(JsonSchemaType.Number, nullable);
            schema.Format = "decimal";
            schema.Pattern = null;

            // Money has two decimals; a discount rate ("rate", "previousRate", "discountRate") four.
            var name = context.JsonPropertyInfo?.Name ?? string.Empty;
            schema.MultipleOf = name == "rate" || name.EndsWith("Rate", StringComparison.Ordinal) ? 0.0001m : 0.01m;
        }
        else if (valueType.IsEnum)
        {
            // An enum is one shared component, referenced wherever it is used; where a value may be absent, the
            // reference is wrapped in "oneOf: [null, …]". A component that also allowed null would match both.
            schema.Type = JsonSchemaType.String;
            schema.Enum = schema.Enum?.Where(v => v is not null).ToList();
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties)
        {
            schema.Required = context.JsonTypeInfo.Properties
                .Where(p => !p.IsGetNullable && properties.ContainsKey(p.Name))
                .Select(p => p.Name)
                .ToHashSet(StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static JsonSchemaType Typed(JsonSchemaType type, bool nullable) => nullable ? type | JsonSchemaType.Null : type;
}
