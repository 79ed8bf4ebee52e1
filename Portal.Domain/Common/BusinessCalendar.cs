namespace Portal.Domain.Common;

/// <summary>
/// What a date means in the channel (DESIGN.md §11): the channel runs on one business time zone (China time by
/// default), whatever the server's own zone. A day is a day there: a protection "until 2027-02-28" lasts to the end of
/// that day in China, and "today" is China's date. Instants stay UTC everywhere else; only this class turns them into
/// days and back.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The zone the channel runs on unless configured otherwise.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    public BusinessCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>China time: Asia/Shanghai, UTC+8 all year.</summary>
    public static BusinessCalendar China { get; } = For(DefaultTimeZone);

    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// The calendar of a zone by its IANA id. China has kept UTC+8 without daylight saving since 1991, so where the
    /// machine has no time-zone database (a minimal container) Asia/Shanghai is still known.
    /// </summary>
    public static BusinessCalendar For(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        }
        catch (TimeZoneNotFoundException) when (timeZoneId == DefaultTimeZone)
        {
            return new BusinessCalendar(TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZone, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"));
        }
    }

    /// <summary>The business date of an instant.</summary>
    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The first instant of a business day, in UTC.</summary>
    public DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The instant a business day's wall clock shows <paramref name="time"/>, in UTC (a version "from 2027-01-01 00:00").</summary>
    public DateTime InstantOf(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);

    /// <summary>The end of a business day: the first instant of the next one, in UTC (a period "until D" ends there).</summary>
    public DateTime EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>The last business day a period ending at <paramref name="until"/> (exclusive) covers: what "until D" shows.</summary>
    public DateOnly LastDay(DateTime until) => DateOf(Guard.Utc(until, nameof(until)).AddTicks(-1));

    /// <summary>An instant as the business zone's wall clock reads it (for display).</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(Guard.Utc(utc, nameof(utc)), Zone);
}
