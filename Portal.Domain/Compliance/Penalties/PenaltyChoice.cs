namespace Portal.Domain.Compliance.Penalties;

/// <summary>What Compliance chose: a penalty (null takes the ladder's minimum) and the written reason for a harsher one.</summary>
public sealed record PenaltyChoice(PenaltyKind? Penalty, string? WrittenReason)
{
    /// <summary>Take the ladder's minimum.</summary>
    public static PenaltyChoice Minimum { get; } = new(null, null);
}
