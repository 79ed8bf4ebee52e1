using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Localization;

namespace Portal.Features.Import;

/// <summary>A problem of an import as the API lists it: the file's row number (null: the file as a whole), the column's key, the code and its sentence.</summary>
public sealed record ImportProblemResponse(int? Row, string? Column, string Code, string Message, string? Detail);

/// <summary>What an import did (imported: every row stored) or, for a dry run, would find: the rows, the file's SHA-256 and every problem.</summary>
public sealed record ImportReportResponse(ImportKind Kind, bool DryRun, bool Imported, int Rows, string Sha256, IReadOnlyList<ImportProblemResponse> Problems, long? AuditSequence);

/// <summary>
/// Imports of agents and customers from a file (ADR 30), over the same service as the import page: the templates, and
/// the upload — a dry run answered 200 with every row's problems, an import answered 200 when every row was stored or
/// 409 with every row's problems when any row is refused (then nothing is stored).
/// </summary>
public static class ImportEndpoints
{
    // What multipart framing adds to the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var imports = api.MapGroup("/imports").WithTags("Imports");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var segment = Segment(kind);
            imports.MapGet($"/{segment}/template", ([FromQuery(Name = "format"), Description("xlsx (the default) or csv.")] string? format, HttpContext http) => Template(kind, format, http))
                .RequireAuthorization(PortalPolicies.ManageChannel)
                .WithName($"Download{kind}ImportTemplate")
                .WithSummary($"The template for importing {segment}: one header row, each column's name in the caller's language with its machine key in parentheses")
                .Produces<byte[]>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")
                .Refuses(StatusCodes.Status400BadRequest);

            imports.MapPost($"/{segment}", (
                    [FromForm(Name = "file"), Description("The xlsx or CSV file (at most 10 MB and 20 000 rows; a header row naming the template's columns in either language or by key).")] IFormFile? file,
                    [FromQuery(Name = "dryRun"), Description("true: only answer the rows' problems; nothing is stored.")] bool? dryRun,
                    HttpContext http,
                    ChannelImport import,
                    CancellationToken ct) => ImportAsync(kind, file, dryRun == true, http, import, ct))
                .RequireAuthorization(PortalPolicies.ManageChannel)
                .DisableAntiforgery()
                .WithRequestBodyLimit(ChannelImport.MaxBytes + MultipartOverhead)
                .WithName($"Import{kind}")
                .WithSummary(kind == ImportKind.Agents
                    ? "Import agents (multipart/form-data, field file): each row signed directly through the signing rules, a parent by code (an earlier row may be it); all rows or none; one audit entry with the file's SHA-256"
                    : "Import customers (multipart/form-data, field file): new customers by USCC, each protected for its holder agent when one is named, by the rules of a registration's approval; all rows or none; one audit entry with the file's SHA-256")
                .Produces<ImportReportResponse>()
                .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        }

        return api;
    }

    /// <summary>
    /// The import page's template downloads (signed in with the portal's cookie, not a token): the same templates in the
    /// page's language.
    /// </summary>
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder endpoints)
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            endpoints.MapGet(TemplatePath(kind, "{format}"), (string format, HttpContext http) => Template(kind, format, http))
                .RequireAuthorization(PortalPolicies.ManageChannel)
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    /// <summary>Where the import page links a template.</summary>
    public static string TemplatePath(ImportKind kind, string format) => $"/import/{Segment(kind)}/template/{format}";

    /// <summary>A report as the API answers it, each problem with its sentence in the caller's language.</summary>
    public static ImportReportResponse ToResponse(HttpContext http, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new ImportReportResponse(
            report.Kind, report.DryRun, report.Imported, report.Rows, report.Sha256,
            [.. report.Problems.Select(p => new ImportProblemResponse(p.Row, p.Column, p.Code, ReasonText.Sentence(localizer, new Reason(p.Code, p.Column, p.Detail)), p.Detail))],
            report.AuditSequence);
    }

    private static string Segment(ImportKind kind) => kind.ToString().ToLowerInvariant();

    private static IResult Template(ImportKind kind, string? format, HttpContext http)
    {
        var chosen = string.IsNullOrEmpty(format) ? ImportTemplate.Xlsx : format.ToLowerInvariant();
        if (!ImportTemplate.IsFormat(chosen))
        {
            return Refusal.Invalid("format", ReasonCode.InvalidValue).ToHttp(http);
        }

        var file = ImportTemplate.For(kind, chosen, CultureInfo.CurrentUICulture);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> ImportAsync(ImportKind kind, IFormFile? file, bool dryRun, HttpContext http, ChannelImport import, CancellationToken ct)
    {
        if (file is null)
        {
            return Refusal.Invalid(InputField.File, ReasonCode.Required).ToHttp(http);
        }

        await using var content = file.OpenReadStream();
        var result = await import.ImportAsync(CurrentUser.From(http.User)!, kind, new ImportUpload(file.FileName, content), dryRun, cancellationToken: ct).ConfigureAwait(false);
        return result.ToHttp(http, report => TypedResults.Ok(ToResponse(http, report)));
    }
}
