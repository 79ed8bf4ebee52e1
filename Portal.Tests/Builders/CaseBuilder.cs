using Portal.Domain.Compliance;

namespace Portal.Tests.Builders;

/// <summary>Builds a violation case and drives it to a state through its own methods.</summary>
internal sealed class CaseBuilder
{
    public const int AppealDays = 15;
    public const int SubjectAgentId = 7;
    public static readonly DateTime PenalizedAt = TestTime.Days(5);
    public static readonly DateTime AppealDeadline = PenalizedAt.AddDays(AppealDays);

    private CaseState _state = CaseState.Reported;
    private int? _subjectAgentId = SubjectAgentId;

    public static CaseBuilder Reported() => new();

    public static CaseBuilder In(CaseState state) => new() { _state = state };

    /// <summary>A public report naming the agent only in words.</summary>
    public CaseBuilder WithoutSubjectAgent()
    {
        _subjectAgentId = null;
        return this;
    }

    public ViolationCase Build()
    {
        var violation = new ViolationCase(_subjectAgentId, "天河一级代理", ViolationType.DiscountSelling, CaseSource.Report, "以低于统一售价的价格报价", TestTime.Now);
        if (_state == CaseState.Reported)
        {
            return violation;
        }

        violation.StartInvestigation("compliance@channels.local");
        switch (_state)
        {
            case CaseState.UnderInvestigation:
                break;
            case CaseState.Dismissed:
                violation.Dismiss(TestTime.Days(1));
                break;
            default:
                violation.Confirm(TestTime.Days(1));
                Finish(violation);
                break;
        }

        Assert.Equal(_state, violation.State);
        return violation;
    }

    private void Finish(ViolationCase violation)
    {
        if (_state == CaseState.Confirmed)
        {
            return;
        }

        violation.Penalize(PenaltyKind.Fine, 5000m, "第二次确认违规", PenalizedAt, PenalizedAt.AddDays(AppealDays));
        switch (_state)
        {
            case CaseState.Penalized:
                break;
            case CaseState.Appealed:
                violation.Appeal(PenalizedAt.AddDays(1));
                break;
            case CaseState.Closed:
                violation.Close(AppealDeadline);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(violation), _state, null);
        }
    }
}
