using System.Globalization;

namespace Portal.Features;

/// <summary>
/// Reading a list page's query-string filters (a dashboard figure's link, ADR 31): a value that does not parse is
/// ignored, as if absent, so a stale or hand-edited address opens the list unfiltered rather than failing.
/// </summary>
public static class GridQuery
{
    public static TEnum? Enum<TEnum>(string? value)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>A business day written yyyy-MM-dd.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static int? Number(string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number : null;

    public static bool? Flag(string? value) => bool.TryParse(value, out var flag) ? flag : null;

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
