using System.Globalization;

namespace Portal.Components.Common;

/// <summary>How an amount of yuan reads on every page: ¥1,280.00 (the same in both languages); "—" for none.</summary>
public static class MoneyText
{
    public static string Show(decimal? amount) => amount is null ? "—" : "¥" + amount.Value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A discount rate as a percentage in the reader's culture (0.35 → 35%).</summary>
    public static string Rate(decimal? rate) => rate is null ? "—" : rate.Value.ToString("0.##%", CultureInfo.CurrentCulture);
}
