using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Regions;

/// <summary>
/// A GB/T 2260 administrative division code: six digits, <c>44</c>0000 a province, <c>4401</c>00 a city,
/// <c>440106</c> a district. A region contains every code below it.
/// </summary>
public readonly record struct RegionCode
{
    public const int Length = 6;

    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public RegionLevel Level =>
        Value.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
        : Value.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
        : RegionLevel.District;

    /// <summary>The province this code lies in (itself for a province).</summary>
    public RegionCode Province => new(string.Concat(Value.AsSpan(0, 2), "0000"));

    /// <summary>The city this code lies in (itself for a city); a province has none.</summary>
    public RegionCode? City => Level == RegionLevel.Province ? null : new(string.Concat(Value.AsSpan(0, 4), "00"));

    /// <summary>
    /// The leading digits every code this one contains starts with: two for a province, four for a city, all six for a
    /// district (so that a database can find the divisions below a region with a prefix match).
    /// </summary>
    public string Prefix => Level switch
    {
        RegionLevel.Province => Value[..2],
        RegionLevel.City => Value[..4],
        _ => Value,
    };

    /// <summary>This code and the divisions above it, from the province down.</summary>
    public IReadOnlyList<RegionCode> SelfAndAncestors => Level switch
    {
        RegionLevel.Province => [this],
        RegionLevel.City => [Province, this],
        _ => [Province, City!.Value, this],
    };

    public RegionCode? Parent => Level switch
    {
        RegionLevel.District => City,
        RegionLevel.City => Province,
        _ => null,
    };

    public static RegionCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a six-digit region code.");

    public static bool TryParse([NotNullWhen(true)] string? value, out RegionCode code)
    {
        code = default;
        if (value is null || value.Length != Length || !value.All(char.IsAsciiDigit) || value.StartsWith("00", StringComparison.Ordinal))
        {
            return false;
        }

        code = new RegionCode(value);
        return true;
    }

    /// <summary>Regional protection: a territory entry covers itself and every division below it.</summary>
    public bool Contains(RegionCode other) => Level switch
    {
        RegionLevel.Province => other.Value.AsSpan(0, 2).SequenceEqual(Value.AsSpan(0, 2)),
        RegionLevel.City => other.Value.AsSpan(0, 4).SequenceEqual(Value.AsSpan(0, 4)),
        _ => other.Value == Value,
    };

    public override string ToString() => Value ?? string.Empty;
}
