using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Api;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Pricing.Versions;

namespace Portal.Features.Catalog;

public sealed record ProductResponse(string Sku, string NameZh, string NameEn, string Unit, decimal UniformPrice, DateTime EffectiveFrom, decimal? PurchasePrice);

/// <summary>The price list: the version in force, the scheduled ones and, for a reseller, the version its agent has yet to acknowledge.</summary>
public sealed record PriceListResponse(PriceVersionView? InForce, IReadOnlyList<PriceVersionView> Scheduled, PendingAcknowledgement? PendingAcknowledgement);

/// <summary>A page of the Active agents that have not acknowledged a version.</summary>
public sealed record MissingAcknowledgementsResponse(IReadOnlyList<MissingAcknowledgement> Items, int TotalCount, int Page, int PageSize);

/// <summary>Acknowledging a price list version: <c>{version}</c>, its number.</summary>
public sealed record AcknowledgementBody(int Version);

/// <summary>Retiring a product: the written reason.</summary>
public sealed record RetireBody(string? Reason);

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/products", async (HttpContext http, PriceListService prices, CancellationToken ct) =>
            {
                var rows = await prices.GetAsync(User(http), ct).ConfigureAwait(false);
                return TypedResults.Ok(rows.Select(r => new ProductResponse(r.Sku, r.NameZh, r.NameEn, r.UnitEn, r.UniformPrice, r.EffectiveFrom, r.PurchasePrice)).ToList());
            })
            .RequireAuthorization(PortalPolicies.ReadPrices)
            .WithTags("Catalog")
            .WithName("ListProducts")
            .WithSummary("The price list: uniform national prices and, for a reseller, its purchase price")
            .Produces<List<ProductResponse>>();

        api.MapPost("/products/{sku}/retire", async (string sku, RetireBody body, HttpContext http, PriceVersions versions, CancellationToken ct) =>
                (await versions.RetireAsync(User(http), sku, body.Reason, ct).ConfigureAwait(false)).ToHttp(http, r => TypedResults.Ok(r)))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithTags("Catalog")
            .WithName("RetireProduct")
            .WithSummary("Retire a product, with the reason: never deleted, no longer sold in new deals")
            .WithRequestExample(new RetireBody("产品停售，由新版替代。"))
            .Produces<ProductRetired>()
            .Refuses(StatusCodes.Status409Conflict);

        var list = api.MapGroup("/price-list").WithTags("Price list");
        list.MapGet(string.Empty, async (HttpContext http, PriceVersionQueries queries, CancellationToken ct) =>
            {
                var user = User(http);
                var (inForce, scheduled) = await queries.CurrentAsync(user, ct).ConfigureAwait(false);
                return TypedResults.Ok(new PriceListResponse(inForce, scheduled, await queries.PendingAsync(user, ct).ConfigureAwait(false)));
            })
            .RequireAuthorization(PortalPolicies.ReadPrices)
            .WithName("GetPriceList")
            .WithSummary("The version in force and the scheduled ones (a reseller sees its own tier's discount and purchase prices)")
            .Produces<PriceListResponse>();

        list.MapGet("/versions", async (HttpContext http, PriceVersionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.HistoryAsync(User(http), ct).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.ReadPrices)
            .WithName("ListPriceVersions")
            .WithSummary("Every version, newest first, with its state and (for vendor staff) how many Active agents acknowledged it")
            .Produces<List<PriceVersionSummary>>();

        list.MapGet("/versions/{number:int}", async (int number, HttpContext http, PriceVersionQueries queries, CancellationToken ct) =>
                await queries.VersionAsync(User(http), number, ct).ConfigureAwait(false) is { } version
                    ? TypedResults.Ok(version)
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.ReadPrices)
            .WithName("GetPriceVersion")
            .WithSummary("One version with the previous version's figures beside its own")
            .Produces<PriceVersionView>();

        list.MapGet("/versions/{number:int}/missing", MissingAsync)
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("ListMissingAcknowledgements")
            .WithSummary("The Active agents that have not acknowledged the version, by code, paged (from 0)")
            .Produces<MissingAcknowledgementsResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        list.MapPost("/versions", async (PriceVersionInput body, HttpContext http, PriceVersions versions, PriceVersionQueries queries, CancellationToken ct) =>
            {
                var user = User(http);
                var result = await versions.PublishAsync(user, body, ct).ConfigureAwait(false);
                return result.Succeeded && await queries.VersionAsync(user, result.Value.Number, ct).ConfigureAwait(false) is { } version
                    ? TypedResults.Created($"/api/v1/price-list/versions/{version.Number}", version)
                    : result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));
            })
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("PublishPriceVersion")
            .WithSummary("Publish a whole price list version (every product on sale, every tier), in force now or from a later instant")
            .WithRequestExample(new PriceVersionInput(
                new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8),
                [new VersionPriceInput("CRM-STD", 1280m), new VersionPriceInput("CRM-PRO", 2680m), new VersionPriceInput("ERP-STD", 4980m)],
                [new VersionDiscountInput(AgentTier.Strategic, 0.40m), new VersionDiscountInput(AgentTier.Core, 0.35m), new VersionDiscountInput(AgentTier.Tier1, 0.30m), new VersionDiscountInput(AgentTier.Tier2, 0.25m)],
                "2027 年度价格调整。"))
            .Produces<PriceVersionView>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        api.MapPost("/policy/acknowledgements", async (AcknowledgementBody body, HttpContext http, PriceVersions versions, CancellationToken ct) =>
                (await versions.AcknowledgeAsync(User(http), body.Version, ct).ConfigureAwait(false))
                    .ToHttp(http, a => TypedResults.Created($"/api/v1/price-list/versions/{a.Number}", a)))
            .RequireAuthorization(PortalPolicies.Resell)
            .WithTags("Price list")
            .WithName("AcknowledgePriceVersion")
            .WithSummary("The caller's agent acknowledges a published version (again: the first acknowledgement is answered)")
            .WithRequestExample(new AcknowledgementBody(2))
            .Produces<VersionAcknowledged>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status404NotFound);
        return api;
    }

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    private static async Task<IResult> MissingAsync(
        int number,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxPageSize), Description(ListQuery.PageSizeText)] int? pageSize,
        HttpContext http,
        PriceVersionQueries queries,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var request = ListQuery.Page<MissingSort>(check, http.Request, page, pageSize, null, null);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        return await queries.MissingAsync(User(http), number, request, ct).ConfigureAwait(false) is { } result
            ? TypedResults.Ok(new MissingAcknowledgementsResponse(result.Items, result.TotalCount, request.Page, request.Take))
            : Refusal.NotFound.ToHttp(http);
    }

    // The missing list is ordered by agent code only.
    private enum MissingSort
    {
        Code,
    }
}
