using System.Globalization;
using Portal.Auth;
using Portal.Features.Exports;
using Portal.Localization;

namespace Portal.Features.Customers;

/// <summary>The customers grid as a file (<c>/api/v1/customers/export</c>, <c>/exports/customers</c>).</summary>
public static class CustomerExport
{
    public const string List = "customers";

    public const string Policy = PortalPolicies.ReadCustomers;

    public static IReadOnlyList<ExportColumn<CustomerRow>> Columns { get; } = new ExportColumns<CustomerRow>()
        .Text("Customers_Name", c => c.LegalName)
        .Text("Register_Uscc", c => c.Uscc)
        .Text("Customers_Region", c => c.Region.Name(PortalCultures.IsChinese(CultureInfo.CurrentUICulture)))
        .Label("Export_Segment", c => $"Segment_{c.Segment}")
        .Text("Customers_Holder", c => c.HolderCode)
        .Text("Export_HolderName", c => c.HolderName)
        .Label("Customers_Basis", c => c.Basis is { } basis ? $"Basis_{basis}" : null)
        .Instant("Export_ProtectedSince", c => c.ProtectedSince)
        .Day("Deals_ProtectedUntil", c => c.ProtectedUntil)
        .All;

    /// <summary>The grid's filter as <c>GET /api/v1/customers/export</c> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(CustomerFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            new("search", filter.Search),
            new("protectedOnly", filter.ProtectedOnly ? "true" : null),
            new("expiringWithinDays", filter.ExpiringWithinDays?.ToString(CultureInfo.InvariantCulture)),
            new("expiresFrom", filter.ExpiresFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("expiresTo", filter.ExpiresTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];
    }
}

/// <summary>The columns the customer directory sorts by.</summary>
public enum CustomerSort
{
    LegalName,
    ProtectedUntil,
}
