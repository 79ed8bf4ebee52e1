namespace Portal.Features;

/// <summary>
/// The business date of an instant, for the dated parts of the channel (contract periods, authorization windows). It is
/// the UTC date, the same day the registration rule judges an authorization on (ADR 10), so that a window the rules
/// call valid is never one the expiry job has already closed.
/// </summary>
internal static class BusinessDay
{
    public static DateOnly Of(DateTime utc) => DateOnly.FromDateTime(utc);
}
