using Portal.Domain.Common;
using Portal.Domain.Policy;

namespace Portal.Domain.Compliance.Penalties;

/// <summary>
/// The penalty ladder (DESIGN.md §4): confirmed violations of an agent in the trailing window (12 months by default)
/// set the minimum penalty — 1st Warning, 2nd Fine, 3rd Suspension, 4th and later Disqualification; a Severe case goes
/// straight to Disqualification. Compliance may impose a harsher penalty with a written reason, never a milder one.
/// </summary>
/// <remarks>
/// The window is anchored at the confirmation of the case being penalized and includes both ends: a violation
/// confirmed exactly WindowMonths before counts, one confirmed a moment earlier does not. Violations confirmed after
/// this case (but penalized before it) do not count: the case's place on the ladder is fixed when it is confirmed,
/// whenever the penalty is decided.
/// </remarks>
public static class PenaltyLadder
{
    /// <summary>The ladder's minimum for the agent's <paramref name="ordinal"/>-th confirmed violation in the window.</summary>
    public static PenaltyKind MinimumFor(int ordinal, bool severe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        return severe ? PenaltyKind.Disqualification : ordinal switch
        {
            1 => PenaltyKind.Warning,
            2 => PenaltyKind.Fine,
            3 => PenaltyKind.Suspension,
            _ => PenaltyKind.Disqualification,
        };
    }

    /// <summary>
    /// The agent's confirmed violations that count towards <paramref name="current"/>: confirmed from
    /// ConfirmedAt − WindowMonths (inclusive) up to the current case (ties broken by case id), the current case included.
    /// </summary>
    public static IReadOnlyList<int> CountedCases(PenaltyCase current, IEnumerable<ConfirmedViolation> history, PenaltyOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var windowStart = current.ConfirmedAt.AddMonths(-options.WindowMonths);
        return history
            .Where(v => v.CaseId != current.CaseId)
            .Where(v => v.ConfirmedAt >= windowStart
                && (v.ConfirmedAt < current.ConfirmedAt || (v.ConfirmedAt == current.ConfirmedAt && v.CaseId < current.CaseId)))
            .Select(v => v.CaseId)
            .Distinct()
            .Append(current.CaseId)
            .ToList();
    }

    /// <summary>
    /// Judges Compliance's choice of penalty for a confirmed case, decided at <paramref name="at"/> (UTC). A suspension
    /// and the appeal window run to the end of a business day (<paramref name="calendar"/>): SuspensionDays and
    /// AppealDays after today.
    /// </summary>
    public static PenaltyDecision Decide(PenaltyCase current, IEnumerable<ConfirmedViolation> history, PenaltyChoice choice, PenaltyOptions options, DateTime at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(calendar);
        Guard.Utc(at, nameof(at));
        var counted = CountedCases(current, history, options);
        var minimum = MinimumFor(counted.Count, current.Severe);
        var imposed = choice.Penalty ?? minimum;

        var reasons = new ReasonList();

        // Never milder than the ladder.
        reasons.AddIf(imposed < minimum, ReasonCode.PenaltyBelowLadder, InputField.Penalty);

        // Harsher only with a written reason.
        var harsher = imposed > minimum;
        reasons.AddIf(harsher && string.IsNullOrWhiteSpace(choice.WrittenReason), ReasonCode.ReasonRequired, InputField.WrittenReason);

        var decision = reasons.ToDecision();
        if (decision.IsRefused)
        {
            return new PenaltyDecision(decision, minimum, counted.Count, counted, null, harsher, null, null);
        }

        return new PenaltyDecision(
            decision,
            minimum,
            counted.Count,
            counted,
            imposed,
            harsher,
            imposed == PenaltyKind.Suspension ? calendar.EndOfDay(calendar.DateOf(at).AddDays(options.SuspensionDays)) : null,
            calendar.EndOfDay(calendar.DateOf(at).AddDays(options.AppealDays)));
    }
}
