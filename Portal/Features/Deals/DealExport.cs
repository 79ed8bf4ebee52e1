using System.Globalization;
using Portal.Auth;
using Portal.Features.Exports;

namespace Portal.Features.Deals;

/// <summary>The deals grid as a file (<c>/api/v1/deals/export</c>, <c>/exports/deals</c>): its columns and its filter as query parameters.</summary>
public static class DealExport
{
    public const string List = "deals";

    public const string Policy = PortalPolicies.ReadDeals;

    public static IReadOnlyList<ExportColumn<DealRow>> Columns { get; } = new ExportColumns<DealRow>()
        .Number("#", d => d.Id)
        .Text("Deals_Customer", d => d.CustomerName)
        .Text("Register_Uscc", d => d.CustomerUscc)
        .Text("Export_Region", d => d.RegionCode)
        .Text("Users_Agent", d => d.AgentCode)
        .Label("Deals_Status", d => $"DealStatus_{d.Status}")
        .Money("Register_Total", d => d.Total)
        .Instant("Deals_Registered", d => d.CreatedAt)
        .Day("Register_ExpectedClose", d => d.ExpectedCloseDate)
        .Day("Deals_ProtectedUntil", d => d.ProtectedUntil)
        .All;

    /// <summary>The grid's filter as <c>GET /api/v1/deals</c> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(DealFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            new("status", filter.Status?.ToString()),
            new("customer", filter.Customer),
            new("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("reason", filter.Reason),
            new("owner", filter.Owner?.ToString()),
            new("soldFrom", filter.SoldFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("soldTo", filter.SoldTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];
    }
}
