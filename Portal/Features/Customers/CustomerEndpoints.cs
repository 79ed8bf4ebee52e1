using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Features.Exports;

namespace Portal.Features.Customers;

/// <summary>Arbitration: the agent that receives the customer, and why.</summary>
public sealed record ProtectionTransferBody(string? ToAgentCode, string? Reason);

/// <summary>Arbitration: why the customer is released.</summary>
public sealed record ProtectionReleaseBody(string? Reason);

/// <summary>
/// A channel manager's arbitration of customer protection for integrations (DESIGN.md §7, §9), over the same service as
/// the customer's page: 200 with the customer's protection as it is now, 404 for a customer the caller cannot see, 400
/// without a reason, 409 with the codes when the rules refuse (the target not Active or out of territory, nothing held,
/// already the holder).
/// </summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapPost("/{uscc}/protection/transfer", async (string uscc, ProtectionTransferBody body, HttpContext http, ProtectionArbitration arbitration, CustomerProtectionQueries queries, CancellationToken ct) =>
                await AnswerAsync(http, queries, uscc, await arbitration.TransferAsync(User(http), uscc, body.ToAgentCode, body.Reason, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("TransferProtection")
            .WithSummary("Arbitration: the customer's protection moves to another Active agent whose territory (or authorization) covers it, for the rest of its period; the old holder's registrations on it are cancelled")
            .WithRequestExample(new ProtectionTransferBody("T1-TIANHE", "经核实，客户由天河一级代理实际开发。"))
            .Produces<CustomerProtectionView>()
            .Refuses(StatusCodes.Status409Conflict);

        customers.MapPost("/{uscc}/protection/release", async (string uscc, ProtectionReleaseBody body, HttpContext http, ProtectionArbitration arbitration, CustomerProtectionQueries queries, CancellationToken ct) =>
                await AnswerAsync(http, queries, uscc, await arbitration.ReleaseAsync(User(http), uscc, body.Reason, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("ReleaseProtection")
            .WithSummary("Arbitration: the customer's protection ends now and the customer is free; the holder's registrations on it are cancelled")
            .WithRequestExample(new ProtectionReleaseBody("客户书面声明不再与该代理商合作。"))
            .Produces<CustomerProtectionView>()
            .Refuses(StatusCodes.Status409Conflict);
        customers.MapGet("/export", Export)
            .RequireAuthorization(CustomerExport.Policy)
            .DescribedAsExport("ExportCustomers", "The customers the caller may see, each with its holder as the directory shows it, filtered and sorted as the directory, as a CSV or Excel file streamed row by row");
        return api;
    }

    // `GET /api/v1/customers/export` and the browser's `/exports/customers`.
    internal static IResult Export(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        [FromQuery(Name = "search"), Description("Part of the legal name, or the whole credit code.")] string? search,
        [FromQuery(Name = "protectedOnly"), Description("Only customers the caller's subtree holds now.")] bool? protectedOnly,
        [FromQuery(Name = "expiringWithinDays"), Range(0, 3650), Description("Only customers whose protection ends within this many days.")] int? expiringWithinDays,
        [FromQuery(Name = "expiresFrom"), Description("Only customers whose protection's last day is on or after this business day.")] DateOnly? expiresFrom,
        [FromQuery(Name = "expiresTo"), Description("Only customers whose protection's last day is on or before this business day.")] DateOnly? expiresTo,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; LegalName when absent (ProtectedUntil with expiringWithinDays).")] CustomerSort? sortBy,
        [FromQuery(Name = "descending"), Description("Sort from the largest value down; false when absent.")] bool? descending,
        HttpContext http,
        CustomerDirectory directory)
    {
        var check = new InputCheck();
        var filter = new CustomerFilter(check.OptionalText("search", search, CustomerName.MaxLength), protectedOnly ?? false, check.OptionalWithin("expiringWithinDays", expiringWithinDays, 0, 3650), expiresFrom, expiresTo);
        var sort = ListQuery.Named(check, http.Request, "sortBy", sortBy)?.ToString();
        return ExportFile.Answer(http, check, format, CustomerExport.List, CustomerExport.Columns, () => directory.ExportAsync(User(http), filter, sort, descending ?? false, http.RequestAborted));
    }

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    private static async Task<IResult> AnswerAsync(HttpContext http, CustomerProtectionQueries queries, string uscc, UseCaseResult<ProtectionArbitrated> result, CancellationToken ct) =>
        result.Succeeded && await queries.GetAsync(User(http), uscc, ct).ConfigureAwait(false) is { } customer
            ? TypedResults.Ok(customer)
            : result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));
}
