using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Compliance;
using Portal.Features.Compliance;
using Portal.Localization;

namespace Portal.Api;

public sealed record ViolationResponse(int Id, ViolationType Type, CaseState State, CaseSource Source, string? SubjectAgentCode, DateTime OpenedAt);

public sealed record ViolationListResponse(IReadOnlyList<ViolationResponse> Items, int TotalCount, int Page, int PageSize);

public sealed record ViolationReportResponse(int Id, CaseState State);

/// <summary>Violation reports (举报) from anyone, and the case list for Compliance.</summary>
public static class ViolationEndpoints
{
    public static RouteGroupBuilder MapViolationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapPost("/violation-reports", async (ViolationReportInput? body, HttpContext http, ViolationCaseService cases, ReportThrottle throttle, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                if (!throttle.TryAcquire(http.Connection.RemoteIpAddress?.ToString()))
                {
                    return ApiProblems.Problem(localizer, StatusCodes.Status429TooManyRequests, "TOO_MANY_REPORTS", "Report_TooMany");
                }

                var result = await cases.FileReportAsync(CurrentUser.From(http.User), body ?? new ViolationReportInput(null, null, null), ct).ConfigureAwait(false);
                return result.Outcome == CaseOutcome.Succeeded
                    ? Results.Created((string?)null, new ViolationReportResponse(result.Value!.CaseId, result.Value.State))
                    : ReasonMessages.InvalidInput(result.Errors, localizer);
            })
            .AllowAnonymous()
            .WithTags("Violations")
            .WithSummary("File a violation report (举报): subject agent code or name, type, description; anyone may report")
            .Produces<ViolationReportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/violations", async ([AsParameters] ViolationListQuery query, HttpContext http, ViolationCaseQueries cases, CancellationToken ct) =>
            {
                var page = new PageRequest(Math.Max(0, query.Page ?? 0), query.PageSize ?? 50, query.SortBy, query.Descending ?? true);
                var result = await cases.ListAsync(CurrentUser.From(http.User)!, new CaseFilter(query.State, query.Type, query.Source), page, ct).ConfigureAwait(false);
                return TypedResults.Ok(new ViolationListResponse(result.Items.Select(ToResponse).ToList(), result.TotalCount, page.Page, page.Take));
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Compliance))
            .WithTags("Violations")
            .WithSummary("Violation cases, paged and filtered");

        api.MapGet("/violations/{id:int}", async (int id, HttpContext http, ViolationCaseQueries cases, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var found = await cases.GetAsync(CurrentUser.From(http.User)!, id, ct).ConfigureAwait(false);
                return found is null
                    ? ApiProblems.Problem(localizer, StatusCodes.Status404NotFound, "NOT_FOUND", "NotFound_Text")
                    : Results.Ok(new ViolationResponse(found.Id, found.Type, found.State, found.Source, found.SubjectAgentCode, found.OpenedAt));
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Compliance))
            .WithTags("Violations")
            .WithSummary("One violation case")
            .Produces<ViolationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static ViolationResponse ToResponse(CaseRow row) => new(row.Id, row.Type, row.State, row.Source, row.SubjectAgentCode, row.OpenedAt);

    public sealed record ViolationListQuery(CaseState? State, ViolationType? Type, CaseSource? Source, int? Page, int? PageSize, string? SortBy, bool? Descending);
}
