namespace Portal.Tests.StateMachines;

/// <summary>The fixed instants and days the state machine tests are written against; no test reads the clock.</summary>
internal static class Moments
{
    public static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Today = DateOnly.FromDateTime(T0);

    public static DateTime Days(double days) => T0.AddDays(days);
}
