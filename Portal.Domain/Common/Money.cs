namespace Portal.Domain.Common;

/// <summary>Amounts in CNY: two decimals, rounded half away from zero (the commercial rounding used on invoices).</summary>
public static class Money
{
    public const int Precision = 18;
    public const int Scale = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Scale, MidpointRounding.AwayFromZero);
}
