using Portal.Domain.Compliance;
using Portal.Tests.Builders;
using static Portal.Domain.Compliance.CaseAction;
using static Portal.Domain.Compliance.CaseState;

namespace Portal.Tests.StateMachines;

/// <summary>DESIGN.md §5.4 written down as a table, and one way to take each action with arguments of a test's choosing.</summary>
internal static class ViolationCaseDesign
{
    public static readonly IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> Allowed =
        new Dictionary<(CaseState, CaseAction), CaseState>
        {
            [(Reported, StartInvestigation)] = UnderInvestigation,
            [(UnderInvestigation, Confirm)] = Confirmed,
            [(UnderInvestigation, Dismiss)] = Dismissed,
            [(Confirmed, Penalize)] = Penalized,
            [(Penalized, Appeal)] = Appealed,
            [(Penalized, Close)] = Closed,
            [(Appealed, UpholdPenalty)] = Closed,
            [(Appealed, LiftPenalty)] = Closed,
        };

    public static readonly CaseState[] Terminal = [Dismissed, Closed];

    /// <summary>A moment at which the guards of the action hold for a builder-made case.</summary>
    public static DateTime MomentFor(CaseAction action) => action == Close ? CaseBuilder.AppealDeadline : CaseBuilder.PenalizedAt.AddDays(1);

    /// <summary>Takes <paramref name="action"/> at <paramref name="now"/>; returns whether the arguments used were valid.</summary>
    public static bool Do(ViolationCase violation, CaseAction action, DateTime now, bool wantInvalid = false, Random? random = null)
    {
        var time = wantInvalid ? DateTime.SpecifyKind(now, DateTimeKind.Unspecified) : now;
        switch (action)
        {
            case StartInvestigation:
                violation.StartInvestigation("compliance@channels.local");
                return true;
            case Confirm:
                violation.Confirm(time, severe: random?.Next(5) == 0);
                return !wantInvalid;
            case Dismiss:
                violation.Dismiss(time);
                return !wantInvalid;
            case Penalize:
                var penalty = random is null ? PenaltyKind.Fine : (PenaltyKind)random.Next(1, 5);
                var fine = penalty == PenaltyKind.Fine ? 5000m : (decimal?)null;
                violation.Penalize(penalty, wantInvalid ? -1m : fine, "依处罚阶梯", now, now.AddDays(random?.Next(0, 30) ?? CaseBuilder.AppealDays));
                return !wantInvalid;
            case Appeal:
                violation.Appeal(time);
                return !wantInvalid;
            case UpholdPenalty:
                violation.UpholdPenalty(time);
                return !wantInvalid;
            case LiftPenalty:
                violation.LiftPenalty(time);
                return !wantInvalid;
            case Close:
                violation.Close(time);
                return !wantInvalid;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
