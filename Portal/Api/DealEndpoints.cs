using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Sales;
using Portal.Features.Deals;
using Portal.Localization;

namespace Portal.Api;

public sealed record AvailabilityResponse(bool Available, DateTime? ProtectedUntil);

public sealed record DealRegistrationResponse(int Id, DealStatus Status, IReadOnlyList<ReasonMessage> Reasons, DateTime? ProtectedUntil);

public sealed record DealListResponse(IReadOnlyList<DealRow> Items, int TotalCount, int Page, int PageSize);

public sealed record DealResponse(int Id, DealStatus Status, string AgentCode, string CustomerUscc, string CustomerName, string RegionCode, DateOnly ExpectedCloseDate, DateTime CreatedAt, DateTime? ProtectedUntil, decimal Total, IReadOnlyList<DealLineView> Lines, IReadOnlyList<ReasonMessage> Reasons);

public sealed record SalesReportResponse(int Id, int DealId, DealStatus Status, IReadOnlyList<ReasonMessage> Notes);

/// <summary>Deal registration (报备) for integrations: the same services as the pages, never a second copy of the rules.</summary>
public static class DealEndpoints
{
    public static RouteGroupBuilder MapDealEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/customers/availability", async ([FromQuery] string? uscc, HttpContext http, DealRegistrationService registrations, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var result = await registrations.CheckAvailabilityAsync(CurrentUser.From(http.User)!, uscc, ct).ConfigureAwait(false);
                return result.IsValid
                    ? Results.Ok(new AvailabilityResponse(result.Available, result.ProtectedUntil))
                    : ReasonMessages.InvalidInput([new(Domain.Common.InputField.CustomerUscc, result.ErrorCode!)], localizer);
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reseller, PortalRoles.ChannelManager))
            .WithTags("Customers")
            .WithSummary("Whether a customer can be registered: available, or protected until when — never by whom")
            .Produces<AvailabilityResponse>()
            .ProducesValidationProblem();

        api.MapPost("/deals", async (DealRegistrationInput? body, HttpContext http, DealRegistrationService registrations, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var result = await registrations.RegisterAsync(CurrentUser.From(http.User)!, body, ct).ConfigureAwait(false);
                if (!result.IsValid)
                {
                    return ReasonMessages.InvalidInput(result.Errors, localizer);
                }

                var response = new DealRegistrationResponse(result.DealId!.Value, result.Status!.Value, result.Reasons.Select(r => ReasonMessages.From(r, localizer)).ToList(), result.ProtectedUntil);
                return Results.Created($"/api/v1/deals/{response.Id}", response);
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reseller))
            .WithTags("Deals")
            .WithSummary("Register a deal (报备): Approved, PendingReview or Rejected with every reason; invalid input stores nothing")
            .Produces<DealRegistrationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapGet("/deals", async ([AsParameters] DealListQuery query, HttpContext http, DealQueries deals, CancellationToken ct) =>
            {
                var page = new PageRequest(Math.Max(0, query.Page ?? 0), query.PageSize ?? 50, query.SortBy, query.Descending ?? true);
                var result = await deals.ListAsync(CurrentUser.From(http.User)!, new DealFilter(query.Status, query.Customer, query.From, query.To), page, ct).ConfigureAwait(false);
                return TypedResults.Ok(new DealListResponse(result.Items, result.TotalCount, page.Page, page.Take));
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reseller, PortalRoles.ChannelManager))
            .WithTags("Deals")
            .WithSummary("The deals the caller may see, paged, filtered and sorted in the database");

        api.MapGet("/deals/{id:int}", async (int id, HttpContext http, DealQueries deals, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var deal = await deals.GetAsync(CurrentUser.From(http.User)!, id, ct).ConfigureAwait(false);
                return deal is null
                    ? ApiProblems.Problem(localizer, StatusCodes.Status404NotFound, "NOT_FOUND", "NotFound_Text")
                    : Results.Ok(new DealResponse(deal.Id, deal.Status, deal.AgentCode, deal.Customer.Uscc, deal.Customer.LegalName, deal.Customer.RegionCode, deal.ExpectedCloseDate, deal.CreatedAt, deal.ProtectedUntil, deal.Total, deal.Lines, deal.Reasons.Select(r => ReasonMessages.From(r, localizer)).ToList()));
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reseller, PortalRoles.ChannelManager))
            .WithTags("Deals")
            .WithSummary("One deal; 404 when it does not exist or the caller may not see it")
            .Produces<DealResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/deals/{id:int}/sales", async (int id, SalesReportInput? body, HttpContext http, DealLifecycleService lifecycle, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var result = await lifecycle.ReportSaleAsync(CurrentUser.From(http.User)!, id, body, ct).ConfigureAwait(false);
                return DealActions.ToHttp(result, localizer, () => Results.Created($"/api/v1/deals/{id}", new SalesReportResponse(result.CreatedId!.Value, id, DealStatus.Won, result.Reasons.Select(r => ReasonMessages.From(r, localizer)).ToList())));
            })
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reseller))
            .WithTags("Deals")
            .WithSummary("Report the sale of an approved deal; a line below the uniform price or a sale outside territory opens a violation case")
            .Produces<SalesReportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    public sealed record DealListQuery(DealStatus? Status, string? Customer, DateOnly? From, DateOnly? To, int? Page, int? PageSize, string? SortBy, bool? Descending);
}
