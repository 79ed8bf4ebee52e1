using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Policy;

namespace Portal.Features;

/// <summary>
/// The portal's one clock (DESIGN.md §11): "now" as a UTC instant from the <see cref="TimeProvider"/>, and "today", "the
/// end of day D" and every time a page shows in the business zone (<c>Business:TimeZone</c>, China time by default) —
/// never the server's own zone. Services take their instants here; pages format times here.
/// </summary>
public sealed class BusinessClock(TimeProvider time, ChannelPolicy policy)
{
    public BusinessCalendar Calendar => policy.Calendar;

    /// <summary>Now, as a UTC instant.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Today's business date.</summary>
    public DateOnly Today => Calendar.DateOf(Now);

    /// <summary>The end of business day <paramref name="day"/> (a period "until D" ends there), as a UTC instant.</summary>
    public DateTime EndOfDay(DateOnly day) => Calendar.EndOfDay(day);

    /// <summary>The business date of an instant.</summary>
    public DateOnly DateOf(DateTime utc) => Calendar.DateOf(utc);

    /// <summary>The last day a period ending at <paramref name="until"/> covers: the D of "protected until D".</summary>
    public DateOnly LastDay(DateTime until) => Calendar.LastDay(until);

    /// <summary>A business date as the reader's culture writes it.</summary>
    public static string ShowDay(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The business date of an instant, as the reader's culture writes it.</summary>
    public string ShowDate(DateTime utc) => ShowDay(DateOf(utc));

    /// <summary>An instant as the business zone's wall clock reads it (date and time, the reader's culture).</summary>
    public string ShowTime(DateTime utc) => Calendar.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The end of a period as "until D": its last business day.</summary>
    public string ShowUntil(DateTime until) => ShowDay(LastDay(until));
}
