using System.Globalization;
using System.Net.Mail;
using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Features;

/// <summary>
/// Collects the field errors of one use case's input (every one, not only the first), with the codes of
/// <see cref="ReasonCode"/>'s input part, so a form can put each next to its field and nothing is stored.
/// </summary>
internal sealed class InputErrors
{
    private readonly List<Reason> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string code) => _errors.Add(new Reason(code, field));

    /// <summary>A trimmed text of 1–<paramref name="maxLength"/> characters, or null (and an error) when missing or too long.</summary>
    public string? Required(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        return Fits(field, text, maxLength);
    }

    /// <summary>A trimmed text of at most <paramref name="maxLength"/> characters; null when blank.</summary>
    public string? Optional(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : Fits(field, text, maxLength);
    }

    /// <summary>An optional e-mail address of at most <paramref name="maxLength"/> characters.</summary>
    public string? OptionalEmail(string field, string? value, int maxLength)
    {
        var text = Optional(field, value, maxLength);
        if (text is not null && !MailAddress.TryCreate(text, out _))
        {
            Add(field, ReasonCode.InvalidValue);
            return null;
        }

        return text;
    }

    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, ReasonCode.Required);
        }

        return value;
    }

    /// <summary>A defined member of <typeparamref name="TEnum"/> (a number from a crafted request is not).</summary>
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

    /// <summary>A region code of the region table (<see cref="ReasonCode.InvalidRegion"/> for a malformed or unknown one).</summary>
    public RegionCode? Region(string field, string? value, IReadOnlyDictionary<string, Region> regions)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, ReasonCode.Required);
            return null;
        }

        if (!RegionCode.TryParse(text, out var code) || !regions.ContainsKey(code.Value))
        {
            Add(field, ReasonCode.InvalidRegion);
            return null;
        }

        return code;
    }

    /// <summary>
    /// A territory: at least one region, each in the region table. Entries keep their positions, so the rules'
    /// reasons (<c>territory[i]</c>) point at what was sent; the agent drops duplicates when it is assigned.
    /// </summary>
    public IReadOnlyList<RegionCode> Territory(string field, IReadOnlyList<string>? values, IReadOnlyDictionary<string, Region> regions)
    {
        if (values is null || values.Count == 0)
        {
            Add(field, ReasonCode.Required);
            return [];
        }

        var codes = new List<RegionCode>();
        for (var i = 0; i < values.Count; i++)
        {
            if (Region(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), values[i], regions) is { } code)
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    public Refusal ToRefusal() => Refusal.Invalid(_errors);

    private string? Fits(string field, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            Add(field, ReasonCode.TooLong);
            return null;
        }

        return text;
    }
}
