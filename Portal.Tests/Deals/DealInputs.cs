using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Sales;
using Portal.Tests.Builders;

namespace Portal.Tests.Deals;

/// <summary>Registration and sales inputs as a client would send them.</summary>
public static class DealInputs
{
    public static string NewUscc(string region, int number) =>
        Uscc.Create('9', '1', region, "MA5" + number.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Value;

    public static DealRegistrationInput Registration(string uscc, string name, string region, string sku = "OIS-PRO", decimal? unitPrice = 3980.00m, decimal quantity = 10) =>
        new(new CustomerInput(uscc, name, region, "GovernmentEnterprise"), [new LineInput(sku, quantity, unitPrice)], TestTime.Today.AddDays(30));

    /// <summary>A sale on <paramref name="soldOn"/> (default: today at the tests' start, in China).</summary>
    public static SalesReportInput Sale(string sku, decimal quantity, decimal unitPrice, DateOnly? soldOn = null) =>
        new([new LineInput(sku, quantity, unitPrice)], soldOn ?? TestTime.Today);
}
