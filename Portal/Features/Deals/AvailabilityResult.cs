namespace Portal.Features.Deals;

/// <summary>
/// <c>{available, protectedUntil?}</c> — never the holder. <see cref="HeldByCaller"/> only tells the caller that
/// the customer is its own.
/// </summary>
public sealed record AvailabilityResult(bool Available, DateTime? ProtectedUntil, bool HeldByCaller, string? ErrorCode)
{
    public bool IsValid => ErrorCode is null;

    public static AvailabilityResult Free() => new(true, null, false, null);

    public static AvailabilityResult HeldUntil(DateTime until, bool heldByCaller) => new(false, until, heldByCaller, null);

    public static AvailabilityResult Invalid(string code) => new(false, null, false, code);
}
