using Portal.Api;
using Portal.Domain.Common;

namespace Portal.Features.Exports;

/// <summary>
/// The HTTP side of every grid's export: <c>GET /api/v1/&lt;list&gt;/export</c> for integrations (bearer) and its twin
/// <c>GET /exports/&lt;list&gt;</c> for the browser (the portal's cookie; the API never reads cookies), both over the
/// same handler, the list's own filters and sort, and the list's own policy.
/// </summary>
public static class ExportFile
{
    public const string FormatText = "csv (UTF-8 with a byte-order mark) or xlsx; csv when absent.";

    /// <summary>Where the browser downloads a grid's export.</summary>
    public static string DownloadPath(string list) => $"/exports/{list}";

    /// <summary>The <c>format</c> parameter (csv or xlsx, in any case): csv when absent, INVALID_VALUE for anything else.</summary>
    public static ExportFormat Format(InputCheck check, string? format)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrWhiteSpace(format))
        {
            return ExportFormat.Csv;
        }

        if (Enum.GetNames<ExportFormat>().FirstOrDefault(n => string.Equals(n, format.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<ExportFormat>(name);
        }

        check.Add("format", ReasonCode.InvalidValue);
        return ExportFormat.Csv;
    }

    /// <summary>
    /// An export request's answer: 400 with every field error (the format's and the filter's, already in
    /// <paramref name="check"/>), else the rows streamed as a file.
    /// </summary>
    public static IResult Answer<TRow>(HttpContext http, InputCheck check, string? format, string list, IReadOnlyList<ExportColumn<TRow>> columns, Func<IAsyncEnumerable<TRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(rows);
        var file = Format(check, format);
        return check.IsValid ? Stream(http, file, list, columns, rows()) : Refusal.Invalid(check.Errors).ToHttp(http);
    }

    /// <summary>The rows streamed to the response as they are read, as an attachment named after the list and today.</summary>
    public static IResult Stream<TRow>(HttpContext http, ExportFormat format, string list, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(http);
        var writer = http.RequestServices.GetRequiredService<ExportWriter>();
        return TypedResults.Stream(
            body => writer.WriteAsync(body, format, columns, rows, http.RequestAborted),
            ExportWriter.ContentType(format),
            writer.FileName(list, format));
    }

    /// <summary>An export endpoint of the API: its name, what it does, the two file types, and 400 for a bad filter.</summary>
    public static RouteHandlerBuilder DescribedAsExport(this RouteHandlerBuilder builder, string name, string summary) =>
        builder
            .WithName(name)
            .WithSummary(summary)
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", ExportWriter.ContentType(ExportFormat.Xlsx))
            .Refuses(StatusCodes.Status400BadRequest);

    /// <summary>The browser's twin of an API export: same handler and policy, the portal's cookie, not in the API document.</summary>
    public static IEndpointRouteBuilder MapDownload(this IEndpointRouteBuilder endpoints, string list, string policy, Delegate handler)
    {
        endpoints.MapGet(DownloadPath(list), handler).RequireAuthorization(policy).ExcludeFromDescription();
        return endpoints;
    }
}
