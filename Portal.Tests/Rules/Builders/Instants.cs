namespace Portal.Tests.Rules.Builders;

/// <summary>Fixed UTC instants, so no rule test depends on the clock.</summary>
internal static class Instants
{
    /// <summary>The instant most tests act at: 1 June 2026, 10:00 in Beijing.</summary>
    public static readonly DateTime Now = Utc(2026, 6, 1, 2);

    /// <summary>When the demo price list and discounts took effect.</summary>
    public static readonly DateTime PriceListStart = Utc(2026, 1, 1);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    public static DateOnly Today => DateOnly.FromDateTime(Now);
}
