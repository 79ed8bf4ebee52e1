using Portal.Api;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

public sealed record ViolationResponse(int Id, ViolationType Type, CaseState State, CaseSource Source, string? SubjectAgentCode, DateTime OpenedAt);

public sealed record ViolationListResponse(IReadOnlyList<ViolationResponse> Items, int TotalCount, int Page, int PageSize);

public sealed record ViolationReportResponse(int Id, CaseState State);

/// <summary>Violation reports (举报) from anyone, and the case list for Compliance (DESIGN.md §7).</summary>
public static class ViolationEndpoints
{
    /// <summary>A public report is a few lines of text: anything larger is not a report.</summary>
    public const long ReportBodyLimit = 16 * 1024;

    private static readonly string[] Sortable = [nameof(CaseRow.Id), nameof(CaseRow.Type), nameof(CaseRow.State), nameof(CaseRow.Source), nameof(CaseRow.SubjectAgentCode), nameof(CaseRow.OpenedAt)];

    public static RouteGroupBuilder MapViolationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var violations = api.MapGroup(string.Empty).WithTags("Violations");

        violations.MapPost("/violation-reports", async (ViolationReportInput? body, HttpContext http, ViolationCaseService cases, ReportLimit limit, CancellationToken ct) =>
                limit.TryAcquire(http.Connection.RemoteIpAddress?.ToString())
                    ? (await cases.FileReportAsync(CurrentUser.From(http.User), body, ct).ConfigureAwait(false))
                        .ToHttp(http, c => TypedResults.Created((string?)null, new ViolationReportResponse(c.CaseId, c.State)))
                    : Refusal.Throttled.ToHttp(http))
            .AllowAnonymous()
            .WithRequestBodyLimit(ReportBodyLimit)
            .WithSummary("File a violation report (举报): subject agent code or name, type, description; anyone may report");

        violations.MapGet("/violations", async ([AsParameters] ViolationListQuery query, HttpContext http, ViolationCaseQueries cases, CancellationToken ct) =>
            {
                var check = new InputCheck();
                var filter = new CaseFilter(
                    check.OptionalChoice<CaseState>("state", query.State),
                    check.OptionalChoice<ViolationType>("type", query.Type),
                    check.OptionalChoice<CaseSource>("source", query.Source));
                var page = ListQuery.Page(check, query.Page, query.PageSize, query.SortBy, query.Descending, Sortable);
                if (!check.IsValid)
                {
                    return Refusal.Invalid(check.Errors).ToHttp(http);
                }

                var result = await cases.ListAsync(CurrentUser.From(http.User)!, filter, page, ct).ConfigureAwait(false);
                return TypedResults.Ok(new ViolationListResponse([.. result.Items.Select(ToResponse)], result.TotalCount, page.Page, page.Take));
            })
            .RequireAuthorization(PortalPolicies.WorkCases)
            .WithSummary("Violation cases, paged (from 0) and filtered");

        violations.MapGet("/violations/{id:int}", async (int id, HttpContext http, ViolationCaseQueries cases, CancellationToken ct) =>
                await cases.GetAsync(CurrentUser.From(http.User)!, id, ct).ConfigureAwait(false) is { } found
                    ? TypedResults.Ok(new ViolationResponse(found.Id, found.Type, found.State, found.Source, found.SubjectAgentCode, found.OpenedAt))
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.WorkCases)
            .WithSummary("One violation case");
        return api;
    }

    private static ViolationResponse ToResponse(CaseRow row) => new(row.Id, row.Type, row.State, row.Source, row.SubjectAgentCode, row.OpenedAt);

    public sealed record ViolationListQuery(string? State, string? Type, string? Source, string? Page, string? PageSize, string? SortBy, string? Descending);
}
