using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// Which business days are working days (ADR 28): Monday to Friday, except the public holidays the list names, plus the
/// weekend days the list names as make-up working days (调休). The list is the vendor's to update each year; days it
/// does not name follow the weekend rule.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkingDays(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        _holidays = [.. holidays];
        _workdays = [.. makeUpWorkdays];
        if (_holidays.Overlaps(_workdays))
        {
            throw new ArgumentException("A day is either a holiday or a make-up working day, not both.", nameof(makeUpWorkdays));
        }
    }

    /// <summary>Weekends only: no holiday list.</summary>
    public static WorkingDays WeekendsOnly { get; } = new([], []);

    public int HolidayCount => _holidays.Count;

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (the day itself never counts).</summary>
    public DateOnly After(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var current = day;
        for (var found = 0; found < count;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                found++;
            }
        }

        return current;
    }

    /// <summary>
    /// A decision's deadline: the end (in <paramref name="calendar"/>'s zone) of the <paramref name="days"/>-th working
    /// day after the business day on which the record started waiting at <paramref name="start"/>.
    /// </summary>
    public DateTime Deadline(BusinessCalendar calendar, DateTime start, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.EndOfDay(After(calendar.DateOf(Guard.Utc(start, nameof(start))), days));
    }

    /// <summary>
    /// Reads a holiday list: one day a line, <c>yyyy-MM-dd,holiday|workday[,name]</c>; blank lines and lines starting
    /// with <c>#</c> are ignored, as is a header line starting with <c>date</c>.
    /// </summary>
    public static WorkingDays Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (holidays, workdays) = (new List<DateOnly>(), new List<DateOnly>());
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#') || text.StartsWith("date", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = text.Split(',', 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new FormatException($"Holiday list line {number}: expected 'yyyy-MM-dd,holiday|workday[,name]', found '{line}'.");
            }

            switch (parts[1].ToLowerInvariant())
            {
                case "holiday":
                    holidays.Add(day);
                    break;
                case "workday":
                    workdays.Add(day);
                    break;
                default:
                    throw new FormatException($"Holiday list line {number}: the kind is 'holiday' or 'workday', not '{parts[1]}'.");
            }
        }

        return new WorkingDays(holidays, workdays);
    }
}
