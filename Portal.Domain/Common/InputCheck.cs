using System.Globalization;
using System.Net.Mail;
using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Domain.Common;

/// <summary>
/// The one way input is validated, by every validator of the portal: each method checks one field, records a field
/// error (a <see cref="Reason"/> with the input code and the field's name as the API body spells it) when the value
/// can never be right, and returns the value cleaned (trimmed, parsed) or null. Every error is collected, not only
/// the first, so a form shows all of them at once; <see cref="Result{T}"/> then answers the validator's
/// <see cref="Validated{T}"/>. Every text passes the same boundary (<see cref="InputText"/>).
/// </summary>
public sealed class InputCheck
{
    private readonly List<Reason> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<Reason> Errors => _errors;

    public void Add(string field, string code, string? detail = null) => _errors.Add(new Reason(code, field, detail));

    /// <summary>Whether a field already has an error (so that a later check does not pile a second one on it).</summary>
    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    /// <summary>The validator's answer: the request <paramref name="build"/> makes when every field is right, else the errors.</summary>
    public Validated<T> Result<T>(Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        return IsValid ? new Validated<T>(build(), []) : new Validated<T>(null, [.. _errors]);
    }

    /// <summary>A required text: trimmed, 1–<paramref name="maxLength"/> characters, clean (<see cref="InputText"/>).</summary>
    public string? Text(string field, string? value, int maxLength, bool multiline = false)
    {
        if (InputText.Trimmed(value) is not { } text)
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        return Fits(field, text, maxLength, multiline);
    }

    /// <summary>An optional text: as <see cref="Text"/> when present; blank becomes null.</summary>
    public string? OptionalText(string field, string? value, int maxLength, bool multiline = false) =>
        InputText.Trimmed(value) is { } text ? Fits(field, text, maxLength, multiline) : null;

    /// <summary>A written note of several lines (a decision's reason): required or not, 1–<paramref name="maxLength"/> characters.</summary>
    public string? Note(string field, string? value, int maxLength, bool required) =>
        required ? Text(field, value, maxLength, multiline: true) : OptionalText(field, value, maxLength, multiline: true);

    /// <summary>
    /// A company's legal name: a required text that names something — not only punctuation, and not only a legal form
    /// such as 有限公司 or "Co., Ltd." (nothing would identify the company, nor tell two apart).
    /// </summary>
    public string? LegalName(string field, string? value, int maxLength)
    {
        var name = Text(field, value, maxLength);
        if (name is not null && !CustomerName.Identifies(name))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return name;
    }

    /// <summary>An optional e-mail address.</summary>
    public string? OptionalEmail(string field, string? value, int maxLength)
    {
        var text = OptionalText(field, value, maxLength);
        if (text is not null && (!MailAddress.TryCreate(text, out var address) || address.Address != text))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return text;
    }

    /// <summary>A required value of a value type.</summary>
    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, ReasonCode.Required);
        }

        return value;
    }

    /// <summary>A required member of <typeparamref name="TEnum"/> by its name, in any case (a number is not a name).</summary>
    public TEnum? Choice<TEnum>(string field, string? value)
        where TEnum : struct, Enum
    {
        if (InputText.Trimmed(value) is null)
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        return OptionalChoice<TEnum>(field, value);
    }

    /// <summary>An optional member of <typeparamref name="TEnum"/> by its name; blank is null.</summary>
    public TEnum? OptionalChoice<TEnum>(string field, string? value)
        where TEnum : struct, Enum
    {
        if (InputText.Trimmed(value) is not { } text)
        {
            return null;
        }

        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }

    /// <summary>A required, defined member of <typeparamref name="TEnum"/> (a number sent by a crafted request is not).</summary>
    public TEnum? Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        if (!Enum.IsDefined(value.Value))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return value;
    }

    /// <summary>A required Unified Social Credit Code that passes its check characters (GB 32100-2015).</summary>
    public Uscc? Uscc(string field, string? value)
    {
        if (InputText.Trimmed(value) is null)
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        return OptionalUscc(field, value);
    }

    /// <summary>An optional USCC; blank is null.</summary>
    public Uscc? OptionalUscc(string field, string? value)
    {
        if (InputText.Trimmed(value) is null)
        {
            return null;
        }

        if (!Customers.Uscc.TryParse(value, out var uscc, out _))
        {
            Add(field, ReasonCode.InvalidUscc);
            return null;
        }

        return uscc;
    }

    /// <summary>
    /// A required region code of the region table; with <paramref name="allowProvince"/> false, a city or district
    /// (where a customer is located).
    /// </summary>
    public RegionCode? Region(string field, string? value, Func<RegionCode, bool> exists, bool allowProvince = true)
    {
        ArgumentNullException.ThrowIfNull(exists);
        if (InputText.Trimmed(value) is not { } text)
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        if (!RegionCode.TryParse(text, out var code) || (!allowProvince && code.Level == RegionLevel.Province) || !exists(code))
        {
            Add(field, ReasonCode.InvalidRegion);
            return null;
        }

        return code;
    }

    /// <summary>
    /// A territory: 1–<see cref="Territory.MaxRegions"/> regions of the table. Entries keep their positions, so an error
    /// (<c>territory[i]</c>) points at what was sent; the agent drops duplicates when it is assigned.
    /// </summary>
    public IReadOnlyList<RegionCode> Territory(string field, IReadOnlyList<string>? values, Func<RegionCode, bool> exists)
    {
        if (values is null || values.Count == 0)
        {
            Add(field, ReasonCode.Required);
            return [];
        }

        if (values.Count > Regions.Territory.MaxRegions)
        {
            Add(field, ReasonCode.TooLong);
            return [];
        }

        var codes = new List<RegionCode>();
        for (var i = 0; i < values.Count; i++)
        {
            if (Region(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), values[i], exists) is { } code)
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    /// <summary>A required day from <paramref name="earliest"/> to <paramref name="latest"/> (both included).</summary>
    public DateOnly? Date(string field, DateOnly? value, DateOnly earliest, DateOnly latest)
    {
        if (Required(field, value) is not { } day)
        {
            return null;
        }

        if (day < earliest || day > latest)
        {
            Add(field, ReasonCode.InvalidDate);
            return null;
        }

        return day;
    }

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; outside them INVALID_VALUE.</summary>
    public int? OptionalWithin(string field, int? value, int min, int max)
    {
        if (value is null || (value >= min && value <= max))
        {
            return value;
        }

        Add(field, ReasonCode.InvalidValue);
        return null;
    }

    /// <summary>An optional amount of money: more than zero, at most two decimals, at most <paramref name="max"/>.</summary>
    public decimal? OptionalAmount(string field, decimal? value, decimal max)
    {
        if (value is not { } amount)
        {
            return null;
        }

        if (amount <= 0 || amount > max || amount != Money.Round(amount))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return amount;
    }

    /// <summary>An optional SHA-256 as 64 hexadecimal digits, returned in lower case.</summary>
    public string? OptionalSha256(string field, string? value)
    {
        if (InputText.Trimmed(value) is not { } hash)
        {
            return null;
        }

        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return hash.ToLowerInvariant();
    }

    private string? Fits(string field, string text, int maxLength, bool multiline)
    {
        if (!InputText.IsClean(text, multiline))
        {
            Add(field, ReasonCode.InvalidCharacter);
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, ReasonCode.TooLong);
            return null;
        }

        return text;
    }
}
