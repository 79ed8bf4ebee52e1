using Portal.Domain.Common;

namespace Portal.Tests.Builders;

/// <summary>
/// The instants every test is written against: no test reads the wall clock. The portals the tests start run on a
/// <c>FakeTimeProvider</c> that starts at <see cref="Start"/> and moves only when a test moves it.
/// </summary>
public static class TestTime
{
    /// <summary>1 June 2026, 10:00 in Beijing (02:00 UTC): the demo data is seeded then, and most tests act then.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="Start"/> as the UTC instant the rules take.</summary>
    public static readonly DateTime Now = Start.UtcDateTime;

    /// <summary>When the demo price list and discounts took effect.</summary>
    public static readonly DateTime PriceListStart = Utc(2026, 1, 1);

    /// <summary>The channel's business days (China time).</summary>
    public static BusinessCalendar Calendar => BusinessCalendar.China;

    /// <summary>Today in the channel's time zone, at <see cref="Now"/>.</summary>
    public static DateOnly Today => Calendar.DateOf(Now);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>An instant a number of days after <see cref="Now"/> (negative: before).</summary>
    public static DateTime Days(double days) => Now.AddDays(days);

    /// <summary>An instant in China time, as a UTC instant.</summary>
    public static DateTime China(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).UtcDateTime;
}
