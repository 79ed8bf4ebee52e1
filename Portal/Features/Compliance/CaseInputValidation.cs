using Portal.Domain.Common;

namespace Portal.Features.Compliance;

/// <summary>Collects the field errors of one request (every one, not only the first), in DESIGN.md §7's codes.</summary>
internal sealed class CaseInputValidation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>A required text, trimmed: REQUIRED when blank, TOO_LONG past <paramref name="maxLength"/>.</summary>
    public string Text(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, ReasonCode.Required);
            return string.Empty;
        }

        if (text.Length > maxLength)
        {
            Add(field, ReasonCode.TooLong);
        }

        return text;
    }

    /// <summary>An optional text, trimmed; blank becomes null.</summary>
    public string? OptionalText(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(field, value, maxLength);

    /// <summary>A required enum member by its name, case-insensitive (INVALID_VALUE for anything else, numbers included).</summary>
    public TEnum? Choice<TEnum>(string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        return OptionalChoice<TEnum>(field, value);
    }

    /// <summary>An optional enum member by its name; blank is null.</summary>
    public TEnum? OptionalChoice<TEnum>(string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }

    /// <summary>An optional amount of money: positive, with at most two decimals.</summary>
    public decimal? OptionalAmount(string field, decimal? value)
    {
        if (value is { } amount && (amount <= 0 || amount != Money.Round(amount)))
        {
            Add(field, ReasonCode.InvalidValue);
        }

        return value;
    }

    /// <summary>A SHA-256 as 64 hexadecimal digits, returned in lower case.</summary>
    public string? OptionalSha256(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hash = value.Trim();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            Add(field, ReasonCode.InvalidValue);
        }

        return hash.ToLowerInvariant();
    }

    public void Add(string field, string code) => _errors.Add(new FieldError(field, code));
}
