using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Pricing;

namespace Portal.Domain.Sales;

/// <summary>
/// Sales reports are facts and are never refused by a rule (DESIGN.md §4); only input that cannot be a fact is a 400:
/// a missing sale date, one in the future or before the deal was registered, an unknown product (one without a uniform
/// price on the sale date), a quantity that is not a positive whole number, a negative price or one with more than two
/// decimals.
/// </summary>
public static class SalesReportValidator
{
    /// <param name="input">The request body.</param>
    /// <param name="prices">The price list.</param>
    /// <param name="registeredOn">The business day the deal was registered: nothing of it can have been sold before.</param>
    /// <param name="at">The instant of the report (UTC).</param>
    /// <param name="calendar">The channel's days: the sale happened today or before, there.</param>
    public static Validated<SalesReportRequest> Validate(SalesReportInput? input, PriceList prices, DateOnly registeredOn, DateTime at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(calendar);
        var check = new InputCheck();
        var soldOn = check.Date(InputField.SoldOn, input?.SoldOn, registeredOn, calendar.DateOf(at));
        var lines = LineValidation.Validate(
            input?.Lines,
            sku => soldOn is { } d && prices.LowestUniformPriceOn(sku, d) is null ? null : prices.CanonicalSku(sku),
            check);
        return check.Result(() => new SalesReportRequest(lines, soldOn!.Value));
    }
}
