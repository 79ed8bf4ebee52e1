using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Pricing;

namespace Portal.Domain.Sales;

/// <summary>
/// Sales reports are facts and are never refused by a rule (DESIGN.md §4); only input that cannot be a fact is a 400:
/// a missing or future sale date, an unknown product (one without a uniform price on the sale date), a quantity that
/// is not a positive whole number, a negative price or one with more than two decimals.
/// </summary>
public static class SalesReportValidator
{
    public static Validated<SalesReportRequest> Validate(SalesReportInput? input, PriceList prices, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var errors = new List<FieldError>();
        var soldOn = input?.SoldOn;
        if (soldOn is not { } day)
        {
            errors.Add(new FieldError(InputField.SoldOn, ReasonCode.Required));
        }
        else if (day > DateOnly.FromDateTime(at))
        {
            errors.Add(new FieldError(InputField.SoldOn, ReasonCode.InvalidDate));
        }

        var lines = LineValidation.Validate(
            input?.Lines,
            sku => soldOn is { } d && prices.LowestUniformPriceOn(sku, d) is null ? null : prices.CanonicalSku(sku),
            errors);

        return errors.Count > 0
            ? new Validated<SalesReportRequest>(null, errors)
            : new Validated<SalesReportRequest>(new SalesReportRequest(lines, soldOn!.Value), errors);
    }
}
