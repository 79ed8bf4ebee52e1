namespace Portal.Domain.Common;

/// <summary>
/// Upper bounds on what a request may ask for. Each is far beyond any real deal, so it refuses only nonsense — and it
/// keeps every stored amount inside <c>decimal(18,2)</c>, so that no sum a page or a report computes later can overflow
/// (100 lines × 100 000 seats × ¥10 000 000 is ¥10^14).
/// </summary>
public static class InputLimits
{
    /// <summary>Seats (or units) on one line of a deal or a sale.</summary>
    public const int MaxQuantity = 100_000;

    /// <summary>A unit price, in CNY.</summary>
    public const decimal MaxUnitPrice = 10_000_000m;

    /// <summary>A fine, in CNY.</summary>
    public const decimal MaxFine = 100_000_000m;

    /// <summary>How far ahead a date may lie (an expected close, an authorization's end, a suspension's end).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>How long one contract period may run.</summary>
    public const int MaxContractYears = 20;
}
