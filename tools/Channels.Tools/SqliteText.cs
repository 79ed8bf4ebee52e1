using System.Globalization;

namespace Channels.Tools;

/// <summary>Values written the way EF Core's SQLite provider stores them, so the portal reads raw-inserted rows as its own.</summary>
internal static class SqliteText
{
    public static string Time(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);
}
