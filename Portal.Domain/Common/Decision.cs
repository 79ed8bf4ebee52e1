namespace Portal.Domain.Common;

/// <summary>
/// The answer of a rule: allowed, or refused with every reason that applies (not only the first), so the user can
/// fix everything at once and the audit trail records the whole picture.
/// </summary>
public sealed class Decision
{
    public Decision(IEnumerable<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        Reasons = reasons.Distinct().ToList().AsReadOnly();
    }

    public static Decision Allowed { get; } = new([]);

    public IReadOnlyList<Reason> Reasons { get; }

    public bool IsAllowed => Reasons.Count == 0;

    public bool IsRefused => !IsAllowed;

    /// <summary>The distinct codes, in the order the rules found them.</summary>
    public IReadOnlyList<string> Codes => Reasons.Select(r => r.Code).Distinct().ToList();

    public static Decision Refused(string code, string? field = null, string? detail = null) => new([new Reason(code, field, detail)]);

    public bool Has(string code) => Reasons.Any(r => r.Code == code);

    public override string ToString() => IsAllowed ? "Allowed" : "Refused: " + string.Join(", ", Reasons);
}
