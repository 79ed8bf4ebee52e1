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
    public static Validated<RegistrationRequest> Validate(DealRegistrationInput? input, PriceList prices, Func<RegionCode, bool> regionExists, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(regionExists);
        var errors = new List<FieldError>();
        if (input is null)
        {
            errors.Add(new FieldError(InputField.Customer, ReasonCode.Required));
            errors.Add(new FieldError(InputField.Lines, ReasonCode.Required));
            errors.Add(new FieldError(InputField.ExpectedCloseDate, ReasonCode.Required));
            return new Validated<RegistrationRequest>(null, errors);
        }

        var customer = ValidateCustomer(input.Customer, regionExists, errors);
        var lines = LineValidation.Validate(input.Lines, sku => prices.VersionAt(sku, at)?.Sku, errors);

        if (input.ExpectedCloseDate is not { } closeDate)
        {
            errors.Add(new FieldError(InputField.ExpectedCloseDate, ReasonCode.Required));
        }
        else if (closeDate < DateOnly.FromDateTime(at))
        {
            // A registration claims a deal still to be closed; a close date already past cannot be right.
            errors.Add(new FieldError(InputField.ExpectedCloseDate, ReasonCode.InvalidDate));
        }

        return errors.Count > 0
            ? new Validated<RegistrationRequest>(null, errors)
            : new Validated<RegistrationRequest>(new RegistrationRequest(customer!, lines, input.ExpectedCloseDate!.Value), errors);
    }

    private static RegistrationCustomer? ValidateCustomer(CustomerInput? input, Func<RegionCode, bool> regionExists, List<FieldError> errors)
    {
        if (input is null)
        {
            errors.Add(new FieldError(InputField.Customer, ReasonCode.Required));
            return null;
        }

        var before = errors.Count;
        Uscc uscc = default;
        if (string.IsNullOrWhiteSpace(input.Uscc))
        {
            errors.Add(new FieldError(InputField.CustomerUscc, ReasonCode.Required));
        }
        else if (!Uscc.TryParse(input.Uscc, out uscc, out _))
        {
            errors.Add(new FieldError(InputField.CustomerUscc, ReasonCode.InvalidUscc));
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FieldError(InputField.CustomerName, ReasonCode.Required));
        }
        else if (name.Length > CustomerName.MaxLength)
        {
            errors.Add(new FieldError(InputField.CustomerName, ReasonCode.TooLong));
        }
        else if (CustomerName.Normalize(name).Length == 0)
        {
            // Only punctuation: nothing to identify the company by, nor to compare for duplicates.
            errors.Add(new FieldError(InputField.CustomerName, ReasonCode.InvalidValue));
        }

        RegionCode region = default;
        if (string.IsNullOrWhiteSpace(input.RegionCode))
        {
            errors.Add(new FieldError(InputField.CustomerRegionCode, ReasonCode.Required));
        }
        else if (!RegionCode.TryParse(input.RegionCode.Trim(), out region) || region.Level == RegionLevel.Province || !regionExists(region))
        {
            // A customer is located in a city or a district of the region table.
            errors.Add(new FieldError(InputField.CustomerRegionCode, ReasonCode.InvalidRegion));
        }

        CustomerSegment segment = default;
        if (string.IsNullOrWhiteSpace(input.Segment))
        {
            errors.Add(new FieldError(InputField.CustomerSegment, ReasonCode.Required));
        }
        else if (!TryParseSegment(input.Segment.Trim(), out segment))
        {
            errors.Add(new FieldError(InputField.CustomerSegment, ReasonCode.InvalidValue));
        }

        return errors.Count == before ? new RegistrationCustomer(uscc, name!, region, segment) : null;
    }

    private static bool TryParseSegment(string value, out CustomerSegment segment)
    {
        segment = default;
        return Enum.GetNames<CustomerSegment>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            && Enum.TryParse(name, out segment);
    }
}
