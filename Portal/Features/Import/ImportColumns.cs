using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Portal.Features.Agents;
using Portal.Localization;

namespace Portal.Features.Import;

/// <summary>A column of an import template: its stable machine key (as the API's fields name it) and whether a row must fill it.</summary>
public sealed record ImportColumn(string Key, bool Required)
{
    /// <summary>The resource key of the column's name in the reader's language.</summary>
    public string LabelKey => $"Import_Column_{Key}";
}

/// <summary>
/// The columns of each kind of import, and how a file's header names them (ADR 30): a header cell is a column's machine
/// key, or its name in Chinese or in English, or the template's own "name (key)" — so a file saved from either
/// language's template, or written by a script with bare keys, reads the same.
/// </summary>
public static partial class ImportColumns
{
    public const string Code = AgentFields.Code;
    public const string LegalName = AgentFields.LegalName;
    public const string Uscc = AgentFields.Uscc;
    public const string Tier = AgentFields.Tier;
    public const string ParentCode = AgentFields.ParentCode;
    public const string Territory = AgentFields.Territory;
    public const string ContractStart = AgentFields.ContractStart;
    public const string ContractEnd = AgentFields.ContractEnd;
    public const string ContactName = "contactName";
    public const string ContactPhone = "contactPhone";
    public const string ContactEmail = "contactEmail";
    public const string RegionCode = "regionCode";
    public const string Segment = "segment";
    public const string HolderCode = "holderCode";

    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    private static readonly IReadOnlyList<ImportColumn> AgentColumns =
    [
        new(Code, true), new(LegalName, true), new(Uscc, true), new(Tier, true), new(ParentCode, false), new(Territory, true),
        new(ContractStart, false), new(ContractEnd, false), new(ContactName, false), new(ContactPhone, false), new(ContactEmail, false),
    ];

    private static readonly IReadOnlyList<ImportColumn> CustomerColumns =
    [
        new(Uscc, true), new(LegalName, true), new(RegionCode, true), new(Segment, false), new(HolderCode, false),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind == ImportKind.Agents ? AgentColumns : CustomerColumns;

    /// <summary>The template's header cell: the column's name in <paramref name="culture"/>, then its machine key in parentheses.</summary>
    public static string Header(ImportColumn column, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(column);
        return $"{Label(column, culture)} ({column.Key})";
    }

    /// <summary>The column a header cell names, or null when it names none of <paramref name="kind"/>'s.</summary>
    public static ImportColumn? Find(ImportKind kind, string? header)
    {
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var columns = Of(kind);
        if (KeyInParentheses().Match(text) is { Success: true } match
            && columns.FirstOrDefault(c => string.Equals(c.Key, match.Groups["key"].Value, StringComparison.OrdinalIgnoreCase)) is { } keyed)
        {
            return keyed;
        }

        return columns.FirstOrDefault(c => string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase)
            || PortalCultures.Supported.Any(culture => string.Equals(Label(c, CultureInfo.GetCultureInfo(culture)), text, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The member of <typeparamref name="TEnum"/> a cell names by its name or by its label (<paramref name="labelPrefix"/>
    /// and the name) in either language; the text itself when it names none (the input check then says it is not a value).
    /// </summary>
    public static string? Choice<TEnum>(string? text, string labelPrefix)
        where TEnum : struct, Enum
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Enum.GetNames<TEnum>().FirstOrDefault(name => PortalCultures.Supported.Any(culture =>
            string.Equals(Resources.GetString(labelPrefix + name, CultureInfo.GetCultureInfo(culture)), value, StringComparison.OrdinalIgnoreCase))) ?? value;
    }

    private static string Label(ImportColumn column, CultureInfo culture) => Resources.GetString(column.LabelKey, culture) ?? column.Key;

    [GeneratedRegex(@"\((?<key>[A-Za-z]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyInParentheses();
}
