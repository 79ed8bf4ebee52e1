using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Components.Common;
using Portal.Domain.Customers;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Sales;
using Portal.Features.Audit;
using Portal.Features.Exports;

namespace Portal.Features.Deals;

public sealed record AvailabilityResponse(bool Available, DateOnly? ProtectedUntil);

public sealed record DealRegistrationResponse(int Id, DealStatus Status, IReadOnlyList<ReasonMessage> Reasons, DateOnly? ProtectedUntil);

/// <summary>
/// One page of the list. <c>TotalCount</c> is exact, or — when <c>TotalIsLowerBound</c> is true — a lower bound: a list
/// is counted only up to 1 000 rows, so a larger one reports 1 000 and true.
/// </summary>
public sealed record DealListResponse(IReadOnlyList<DealRow> Items, int TotalCount, int Page, int PageSize, bool TotalIsLowerBound);

public sealed record DealResponse(
    int Id, DealStatus Status, string AgentCode, string CustomerUscc, string CustomerName, string RegionCode, DateOnly ExpectedCloseDate,
    DateTime CreatedAt, DateOnly? ProtectedUntil, decimal Total, IReadOnlyList<DealLineView> Lines, IReadOnlyList<ReasonMessage> Reasons,
    IReadOnlyList<TimelineEntry> Timeline, DateOnly? DecideBy = null);

public sealed record SalesReportResponse(int Id, int DealId, DealStatus Status, DateOnly? ProtectedUntil, IReadOnlyList<ReasonMessage> Notes, IReadOnlyList<int> OpenedCaseIds);

public sealed record DealChangeResponse(int Id, DealStatus Status, DateOnly? ProtectedUntil, IReadOnlyList<ReasonMessage> Reasons);

/// <summary>A decision's written note (approve, reject, grant or refuse an extension).</summary>
public sealed record DecisionBody(string? Note);

/// <summary>Why a channel manager cancels a deal.</summary>
public sealed record CancelBody(string? Reason);

/// <summary>The reseller's written reason for the one extension.</summary>
public sealed record ExtensionBody(string? Reason);

/// <summary>
/// Deal registration (报备) for integrations, DESIGN.md §7: the same services as the pages, never a second copy of the
/// rules. "Protected until" is a business date (the whole of that day in the channel's time zone).
/// </summary>
public static class DealEndpoints
{
    public static RouteGroupBuilder MapDealEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var deals = api.MapGroup(string.Empty).WithTags("Deals");

        api.MapGet("/customers/availability", async ([FromQuery(Name = "uscc"), Description("The customer's unified social credit code (18 characters).")] string? uscc, HttpContext http, DealRegistrationService registrations, CancellationToken ct) =>
                (await registrations.CheckAvailabilityAsync(User(http), uscc, ct).ConfigureAwait(false))
                    .ToHttp(http, a => TypedResults.Ok(new AvailabilityResponse(a.Available, a.ProtectedUntil))))
            .RequireAuthorization(PortalPolicies.CheckAvailability)
            .WithTags("Customers")
            .WithName("CheckAvailability")
            .WithSummary("Whether a customer can be registered: available, or protected until which day — never by whom")
            .Produces<AvailabilityResponse>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);

        deals.MapPost("/deals", async (DealRegistrationInput body, HttpContext http, DealRegistrationService registrations, CancellationToken ct) =>
                (await registrations.RegisterAsync(User(http), body, ct).ConfigureAwait(false))
                    .ToHttp(http, d => TypedResults.Created($"/api/v1/deals/{d.Id}", new DealRegistrationResponse(d.Id, d.Status, ApiProblems.Messages(http, d.Reasons), d.ProtectedUntil))))
            .RequireAuthorization(PortalPolicies.Resell)
            .WithName("RegisterDeal")
            .WithSummary("Register a deal (报备): Approved, PendingReview or Rejected with every reason; invalid input stores nothing")
            .WithRequestExample(new DealRegistrationInput(
                new CustomerInput(Uscc.Create('9', '1', "440106", "MA5D0001").Value, "广州天河示例科技有限公司", "440106", nameof(CustomerSegment.GovernmentEnterprise)),
                [new LineInput("OIS-PRO", 10, 3980.00m)],
                new DateOnly(2026, 12, 31)))
            .Produces<DealRegistrationResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        deals.MapGet("/deals", ListAsync)
            .RequireAuthorization(PortalPolicies.ReadDeals)
            .WithName("ListDeals")
            .WithSummary("The deals the caller may see, paged (from 0), filtered and sorted in the database")
            .Produces<DealListResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        deals.MapGet("/deals/export", Export)
            .RequireAuthorization(DealExport.Policy)
            .DescribedAsExport("ExportDeals", "The deals the caller may see, filtered and sorted as the list, as a CSV or Excel file streamed row by row");

        deals.MapGet("/deals/{id:int}", async (int id, HttpContext http, DealQueries queries, CancellationToken ct) =>
            {
                var deal = await queries.GetAsync(User(http), id, ct).ConfigureAwait(false);
                return deal is null
                    ? Refusal.NotFound.ToHttp(http)
                    : TypedResults.Ok(new DealResponse(
                        deal.Id, deal.Status, deal.AgentCode, deal.Customer.Uscc, deal.Customer.LegalName, deal.Customer.RegionCode, deal.ExpectedCloseDate,
                        deal.CreatedAt, deal.ProtectedUntil, deal.Total, deal.Lines, ApiProblems.Messages(http, deal.Reasons), deal.Timeline, deal.DecideBy));
            })
            .RequireAuthorization(PortalPolicies.ReadDeals)
            .WithName("GetDeal")
            .WithSummary("One deal with its timeline; 404 when it does not exist or the caller may not see it")
            .Produces<DealResponse>();

        deals.MapPost("/deals/{id:int}/sales", async (int id, SalesReportInput body, HttpContext http, DealLifecycleService lifecycle, CancellationToken ct) =>
                (await lifecycle.ReportSaleAsync(User(http), id, body, ct).ConfigureAwait(false))
                    .ToHttp(http, s => TypedResults.Created($"/api/v1/deals/{id}", new SalesReportResponse(s.Id, s.DealId, s.Status, s.ProtectedUntil, ApiProblems.Messages(http, s.Notes), s.OpenedCaseIds))))
            .RequireAuthorization(PortalPolicies.Resell)
            .WithName("ReportSale")
            .WithSummary("Report the sale of an approved deal; a line below the uniform price or a sale outside territory opens a violation case")
            .WithRequestExample(new SalesReportInput([new LineInput("OIS-PRO", 10, 3980.00m)], new DateOnly(2026, 6, 1)))
            .Produces<SalesReportResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        deals.MapPost("/deals/{id:int}/lost", async (int id, HttpContext http, DealLifecycleService lifecycle, CancellationToken ct) =>
                Changed(http, await lifecycle.MarkLostAsync(User(http), id, ct).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.Resell)
            .WithName("MarkDealLost")
            .WithSummary("The customer did not buy: the deal is Lost and the customer free")
            .Produces<DealChangeResponse>()
            .Refuses(StatusCodes.Status409Conflict);

        deals.MapPost("/deals/{id:int}/extension", async (int id, ExtensionBody body, HttpContext http, DealLifecycleService lifecycle, CancellationToken ct) =>
                Changed(http, await lifecycle.RequestExtensionAsync(User(http), id, body.Reason, ct).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.Resell)
            .WithName("RequestExtension")
            .WithSummary("Ask for the registration's one extension, with a written reason")
            .WithRequestExample(new ExtensionBody("客户预算审批推迟到下季度。"))
            .Produces<DealChangeResponse>()
            .Refuses(StatusCodes.Status409Conflict);

        MapDecision(deals, "approve", "ApproveDeal", (review, user, id, note) => review.ApproveAsync(user, id, note), "Approve a registration held for review; judged again now, it may turn into a rejection with its reasons");
        MapDecision(deals, "reject", "RejectDeal", (review, user, id, note) => review.RejectAsync(user, id, note), "Reject a registration held for review, with a written reason");
        MapDecision(deals, "grant-extension", "GrantExtension", (review, user, id, note) => review.DecideExtensionAsync(user, id, grant: true, note), "Grant a requested extension: the protection runs ExtensionDays longer");
        MapDecision(deals, "refuse-extension", "RefuseExtension", (review, user, id, note) => review.DecideExtensionAsync(user, id, grant: false, note), "Refuse a requested extension, with a written reason");

        deals.MapPost("/deals/{id:int}/cancel", async (int id, CancelBody body, HttpContext http, DealReviewService review, CancellationToken ct) =>
                Changed(http, await review.CancelAsync(User(http), id, body.Reason, ct).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("CancelDeal")
            .WithSummary("Cancel an approved deal (an extension request pending is refused first), with a written reason; the protection it gave ends")
            .WithRequestExample(new CancelBody("客户已书面撤回采购意向。"))
            .Produces<DealChangeResponse>()
            .Refuses(StatusCodes.Status409Conflict);

        return api;
    }

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    // A channel manager's decision on a deal: POST /deals/{id}/{decision} with an optional or required note.
    private static void MapDecision(RouteGroupBuilder deals, string decision, string operation, Func<DealReviewService, CurrentUser, int, string?, Task<UseCaseResult<DealChanged>>> decide, string summary) =>
        deals.MapPost($"/deals/{{id:int}}/{decision}", async (int id, DecisionBody body, HttpContext http, DealReviewService review) =>
                Changed(http, await decide(review, User(http), id, body.Note).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName(operation)
            .WithSummary(summary)
            .WithRequestExample(new DecisionBody("已核实：与现有客户为不同法人。"))
            .Produces<DealChangeResponse>()
            .Refuses(StatusCodes.Status409Conflict);

    private static IResult Changed(HttpContext http, UseCaseResult<DealChanged> result) =>
        result.ToHttp(http, d => TypedResults.Ok(new DealChangeResponse(d.Id, d.Status, d.ProtectedUntil, ApiProblems.Messages(http, d.Reasons))));

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "status"), Description("Only deals in this state.")] DealStatus? status,
        [FromQuery(Name = "customer"), Description("Part of the customer's name or credit code.")] string? customer,
        [FromQuery(Name = "from"), Description("Registered on or after this business day.")] DateOnly? from,
        [FromQuery(Name = "to"), Description("Registered on or before this business day.")] DateOnly? to,
        [FromQuery(Name = "reason"), Description("Only deals whose decision carries this reason code (CUSTOMER_PROTECTED: refused conflicts).")] string? reason,
        [FromQuery(Name = "owner"), Description("For a reseller: only its own agent's deals (Own), or only its sub-agents' (SubAgents).")] DealOwner? owner,
        [FromQuery(Name = "soldFrom"), Description("Only deals with a sale made on or after this business day.")] DateOnly? soldFrom,
        [FromQuery(Name = "soldTo"), Description("Only deals with a sale made on or before this business day.")] DateOnly? soldTo,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxPageSize), Description(ListQuery.PageSizeText)] int? pageSize,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; CreatedAt when absent.")] DealSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        DealQueries queries,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, status, customer, from, to, reason, owner, soldFrom, soldTo);
        var request = ListQuery.Page(check, http.Request, page, pageSize, sortBy, descending);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        var result = await queries.ListAsync(User(http), filter, request, ct).ConfigureAwait(false);
        return TypedResults.Ok(new DealListResponse(result.Items, result.TotalCount, request.Page, request.Take, result.TotalIsLowerBound));
    }

    // `GET /api/v1/deals/export` and the browser's `/exports/deals`: the whole filtered list as a file, streamed.
    internal static IResult Export(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        [FromQuery(Name = "status"), Description("Only deals in this state.")] DealStatus? status,
        [FromQuery(Name = "customer"), Description("Part of the customer's name or credit code.")] string? customer,
        [FromQuery(Name = "from"), Description("Registered on or after this business day.")] DateOnly? from,
        [FromQuery(Name = "to"), Description("Registered on or before this business day.")] DateOnly? to,
        [FromQuery(Name = "reason"), Description("Only deals whose decision carries this reason code (CUSTOMER_PROTECTED: refused conflicts).")] string? reason,
        [FromQuery(Name = "owner"), Description("For a reseller: only its own agent's deals (Own), or only its sub-agents' (SubAgents).")] DealOwner? owner,
        [FromQuery(Name = "soldFrom"), Description("Only deals with a sale made on or after this business day.")] DateOnly? soldFrom,
        [FromQuery(Name = "soldTo"), Description("Only deals with a sale made on or before this business day.")] DateOnly? soldTo,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; CreatedAt when absent.")] DealSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        DealQueries queries)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, status, customer, from, to, reason, owner, soldFrom, soldTo);
        var sort = ListQuery.Named(check, http.Request, "sortBy", sortBy)?.ToString();
        return ExportFile.Answer(http, check, format, DealExport.List, DealExport.Columns, () => queries.ExportAsync(User(http), filter, sort, descending ?? true, http.RequestAborted));
    }

    // The list's filter parameters, read the same way for the page of rows and for the file.
    private static DealFilter Filter(
        InputCheck check, HttpRequest request, DealStatus? status, string? customer, DateOnly? from, DateOnly? to, string? reason, DealOwner? owner, DateOnly? soldFrom, DateOnly? soldTo) =>
        new(
            ListQuery.Named(check, request, "status", status),
            check.OptionalText("customer", customer, CustomerName.MaxLength),
            from,
            to,
            Reason: check.OptionalText("reason", reason, DealReason.CodeMaxLength),
            Owner: ListQuery.Named(check, request, "owner", owner),
            SoldFrom: soldFrom,
            SoldTo: soldTo);
}

/// <summary>The columns the deals list sorts by.</summary>
public enum DealSort
{
    CreatedAt,
    CustomerName,
    Status,
    ProtectedUntil,
}
