using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using Portal.Components.Common;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Exports;

namespace Portal.Features.Compliance;

public sealed record ViolationResponse(int Id, ViolationType Type, CaseState State, CaseSource Source, string? SubjectAgentCode, DateTime OpenedAt, string? Investigator, bool Overdue);

/// <summary>
/// One page of the list. <c>TotalCount</c> is exact, or — when <c>TotalIsLowerBound</c> is true — a lower bound: a list
/// is counted only up to 1 000 rows, so a larger one reports 1 000 and true.
/// </summary>
public sealed record ViolationListResponse(IReadOnlyList<ViolationResponse> Items, int TotalCount, int Page, int PageSize, bool TotalIsLowerBound);

public sealed record ViolationReportResponse(int Id, CaseState State);

/// <summary>Violation reports (举报) from anyone, and the case list for Compliance (DESIGN.md §7).</summary>
public static class ViolationEndpoints
{
    // The business days a case list can be asked about: before the channel ran, or centuries on, are not dates of a case.
    private static readonly DateOnly EarliestDay = new(2000, 1, 1);
    private static readonly DateOnly LatestDay = new(2100, 12, 31);

    /// <summary>A public report is a few lines of text: anything larger is not a report.</summary>
    public const long ReportBodyLimit = 16 * 1024;

    public static RouteGroupBuilder MapViolationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var violations = api.MapGroup(string.Empty).WithTags("Violations");

        violations.MapPost("/violation-reports", async (ViolationReportInput body, HttpContext http, ViolationCaseService cases, ReportLimit limit, CancellationToken ct) =>
                limit.TryAcquire(http.Connection.RemoteIpAddress?.ToString())
                    ? (await cases.FileReportAsync(CurrentUser.From(http.User), body, ct).ConfigureAwait(false))
                        .ToHttp(http, c => TypedResults.Created((string?)null, new ViolationReportResponse(c.CaseId, c.State)))
                    : Refusal.Throttled.ToHttp(http))
            .AllowAnonymous()
            .WithRequestBodyLimit(ReportBodyLimit)
            .WithName("FileViolationReport")
            .WithSummary("File a violation report (举报): subject agent code or name, type, description; anyone may report")
            .WithRequestExample(new ViolationReportInput("T1-TIANHE", nameof(ViolationType.DiscountSelling), "在广州以低于全国统一售价 30% 的价格报价 OIS-PRO。"))
            .Produces<ViolationReportResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status429TooManyRequests);

        violations.MapGet("/violations/export", Export)
            .RequireAuthorization(CaseExport.Policy)
            .DescribedAsExport("ExportViolations", "Violation cases, filtered and sorted as the list, as a CSV or Excel file streamed row by row");

        violations.MapGet("/violations", ListAsync)
            .RequireAuthorization(PortalPolicies.MonitorCases)
            .WithName("ListViolations")
            .WithSummary("Violation cases, paged (from 0) and filtered")
            .Produces<ViolationListResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        return api;
    }

    private static ViolationResponse ToResponse(CaseRow row) => new(row.Id, row.Type, row.State, row.Source, row.SubjectAgentCode, row.OpenedAt, row.Investigator, row.Overdue);

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "state"), Description("Only cases in this state.")] CaseState? state,
        [FromQuery(Name = "type"), Description("Only cases of this type.")] ViolationType? type,
        [FromQuery(Name = "source"), Description("Only cases from this source.")] CaseSource? source,
        [FromQuery(Name = "subject"), Description("Part of the subject agent's code or name, or of a report's words while no agent is identified.")] string? subject,
        [FromQuery(Name = "region"), Description("A region code (GB/T 2260) the subject agent's territory lies in or covers.")] string? region,
        [FromQuery(Name = "openedFrom"), Description("Opened on or after this business day.")] DateOnly? openedFrom,
        [FromQuery(Name = "openedTo"), Description("Opened on or before this business day.")] DateOnly? openedTo,
        [FromQuery(Name = "investigator"), Description("The assigned investigator's e-mail.")] string? investigator,
        [FromQuery(Name = "overdue"), Description("Only cases whose next step is late.")] bool? overdue,
        [FromQuery(Name = "penalizedFrom"), Description("Penalized on or after this business day.")] DateOnly? penalizedFrom,
        [FromQuery(Name = "penalizedTo"), Description("Penalized on or before this business day.")] DateOnly? penalizedTo,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxPageSize), Description(ListQuery.PageSizeText)] int? pageSize,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; OpenedAt when absent.")] CaseSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        ViolationCaseQueries cases,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, state, type, source, subject, region, openedFrom, openedTo, investigator, overdue, penalizedFrom, penalizedTo);
        var request = ListQuery.Page(check, http.Request, page, pageSize, sortBy, descending);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        var result = await cases.ListAsync(CurrentUser.From(http.User)!, filter, request, ct).ConfigureAwait(false);
        return TypedResults.Ok(new ViolationListResponse([.. result.Items.Select(ToResponse)], result.TotalCount, request.Page, request.Take, result.TotalIsLowerBound));
    }

    // `GET /api/v1/violations/export` and the browser's `/exports/violations`.
    internal static IResult Export(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        [FromQuery(Name = "state"), Description("Only cases in this state.")] CaseState? state,
        [FromQuery(Name = "type"), Description("Only cases of this type.")] ViolationType? type,
        [FromQuery(Name = "source"), Description("Only cases from this source.")] CaseSource? source,
        [FromQuery(Name = "subject"), Description("Part of the subject agent's code or name, or of a report's words while no agent is identified.")] string? subject,
        [FromQuery(Name = "region"), Description("A region code (GB/T 2260) the subject agent's territory lies in or covers.")] string? region,
        [FromQuery(Name = "openedFrom"), Description("Opened on or after this business day.")] DateOnly? openedFrom,
        [FromQuery(Name = "openedTo"), Description("Opened on or before this business day.")] DateOnly? openedTo,
        [FromQuery(Name = "investigator"), Description("The assigned investigator's e-mail.")] string? investigator,
        [FromQuery(Name = "overdue"), Description("Only cases whose next step is late.")] bool? overdue,
        [FromQuery(Name = "penalizedFrom"), Description("Penalized on or after this business day.")] DateOnly? penalizedFrom,
        [FromQuery(Name = "penalizedTo"), Description("Penalized on or before this business day.")] DateOnly? penalizedTo,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; OpenedAt when absent.")] CaseSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        ViolationCaseQueries cases)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, state, type, source, subject, region, openedFrom, openedTo, investigator, overdue, penalizedFrom, penalizedTo);
        var sort = ListQuery.Named(check, http.Request, "sortBy", sortBy)?.ToString();
        return ExportFile.Answer(http, check, format, CaseExport.List, CaseExport.Columns, () => cases.ExportAsync(CurrentUser.From(http.User)!, filter, sort, descending ?? true, http.RequestAborted));
    }

    // The list's filter parameters, read the same way for the page of rows and for the file.
    private static CaseFilter Filter(
        InputCheck check, HttpRequest request, CaseState? state, ViolationType? type, CaseSource? source, string? subject, string? region,
        DateOnly? openedFrom, DateOnly? openedTo, string? investigator, bool? overdue, DateOnly? penalizedFrom, DateOnly? penalizedTo) =>
        new(
            ListQuery.Named(check, request, "state", state),
            ListQuery.Named(check, request, "type", type),
            ListQuery.Named(check, request, "source", source),
            check.OptionalText("subject", subject, ViolationCase.SubjectTextMaxLength),
            InputText.Trimmed(region) is null ? null : check.Region("region", region, _ => true)?.Value,
            openedFrom is null ? null : check.Date("openedFrom", openedFrom, EarliestDay, LatestDay),
            openedTo is null ? null : check.Date("openedTo", openedTo, EarliestDay, LatestDay),
            check.OptionalText("investigator", investigator, ViolationCase.InvestigatorMaxLength),
            overdue ?? false,
            PenalizedFrom: penalizedFrom is null ? null : check.Date("penalizedFrom", penalizedFrom, EarliestDay, LatestDay),
            PenalizedTo: penalizedTo is null ? null : check.Date("penalizedTo", penalizedTo, EarliestDay, LatestDay));
}

/// <summary>The columns the case list sorts by.</summary>
public enum CaseSort
{
    Id,
    Type,
    State,
    Source,
    SubjectAgentCode,
    OpenedAt,
}
