using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// Invalid input versus a rule's refusal (DESIGN.md §7): input that can never be right is answered 400 with field
/// errors and nothing is stored; only a well-formed request reaches <see cref="DealRegistrationRules"/>.
/// </summary>
public static class DealRegistrationValidator
{
    /// <param name="input">The request body.</param>
    /// <param name="prices">The price list: a SKU without a price in force at <paramref name="at"/> is an unknown product.</param>
    /// <param name="regionExists">Whether a region code is in the region table.</param>
    /// <param name="at">The instant of submission (UTC).</param>
    /// <param name="calendar">The channel's days: the expected close is today or later (and within a few years) there.</param>
    public static Validated<RegistrationRequest> Validate(DealRegistrationInput? input, PriceList prices, Func<RegionCode, bool> regionExists, DateTime at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(regionExists);
        ArgumentNullException.ThrowIfNull(calendar);
        var check = new InputCheck();
        var customer = Customer(input?.Customer, regionExists, check);
        var lines = LineValidation.Validate(input?.Lines, sku => prices.VersionAt(sku, at)?.Sku, check, prices.IsRetired);

        // A registration claims a deal still to be closed: a close date already past cannot be right, nor one years away.
        var today = calendar.DateOf(at);
        var closeDate = check.Date(InputField.ExpectedCloseDate, input?.ExpectedCloseDate, today, today.AddYears(InputLimits.MaxYearsAhead));
        return check.Result(() => new RegistrationRequest(customer!, lines, closeDate!.Value));
    }

    /// <summary>A customer as a registration (or an import) names it: USCC, legal name, a city or district, the segment.</summary>
    public static RegistrationCustomer? Customer(CustomerInput? input, Func<RegionCode, bool> regionExists, InputCheck check)
    {
        if (input is null)
        {
            check.Add(InputField.Customer, ReasonCode.Required);
            return null;
        }

        var uscc = check.Uscc(InputField.CustomerUscc, input.Uscc);
        var name = check.LegalName(InputField.CustomerName, input.Name, CustomerName.MaxLength);

        // A customer is located in a city or a district of the region table, never a whole province.
        var region = check.Region(InputField.CustomerRegionCode, input.RegionCode, regionExists, allowProvince: false);
        var segment = check.Choice<CustomerSegment>(InputField.CustomerSegment, input.Segment);
        return uscc is null || name is null || region is null || segment is null
            ? null
            : new RegistrationCustomer(uscc.Value, name, region.Value, segment.Value);
    }
}
