using Portal.Domain.Common;

namespace Portal.Domain.Compliance;

/// <summary>
/// Market monitoring (市场监控): an investigation of a suspected violation by one agent. Its life is a state machine
/// (ViolationCase.StateMachine.cs).
/// </summary>
public sealed partial class ViolationCase
{
    public const int DescriptionMaxLength = 4000;
    public const int SubjectTextMaxLength = 200;
    public const int ReporterContactMaxLength = 200;
    public const int InvestigatorMaxLength = 256;

    private readonly List<CaseEvidence> _evidence = [];
    private readonly List<CaseNote> _notes = [];

    private ViolationCase()
    {
    }

    public ViolationCase(int? subjectAgentId, string? subjectText, ViolationType type, CaseSource source, string description, DateTime openedAt)
    {
        SubjectAgentId = subjectAgentId;
        SubjectText = subjectText;
        Type = type;
        Source = source;
        Description = Guard.Text(description, DescriptionMaxLength, nameof(description));
        OpenedAt = Guard.Utc(openedAt, nameof(openedAt));
        State = CaseState.Reported;
    }

    public int Id { get; private set; }

    /// <summary>The agent the case is about; null until Compliance identifies the agent named in a public report.</summary>
    public int? SubjectAgentId { get; private set; }

    /// <summary>The subject as a reporter named it.</summary>
    public string? SubjectText { get; private set; }

    public ViolationType Type { get; private set; }

    public CaseSource Source { get; private set; }

    public CaseState State { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>For an automatically detected case, what the detection found (<see cref="DetectedFacts"/> as JSON).</summary>
    public string? Facts { get; private set; }

    public string? ReporterContact { get; private set; }

    public bool Severe { get; private set; }

    /// <summary>The Compliance user (e-mail) who investigates the case, assigned when investigation starts.</summary>
    public string? Investigator { get; private set; }

    public int? DealId { get; private set; }

    public int? SalesReportId { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>The penalty in force; cleared when an appeal lifts it (see <see cref="PenaltyLifted"/>).</summary>
    public PenaltyKind? Penalty { get; private set; }

    public decimal? FineAmount { get; private set; }

    public string? PenaltyReason { get; private set; }

    public DateTime? PenalizedAt { get; private set; }

    public DateTime? AppealDeadline { get; private set; }

    /// <summary>When the case was dismissed or closed.</summary>
    public DateTime? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<CaseEvidence> Evidence => _evidence.AsReadOnly();

    public IReadOnlyCollection<CaseNote> Notes => _notes.AsReadOnly();

    /// <summary>A case a rule found (source AutoDetected), with its facts; <paramref name="description"/> is their English wording.</summary>
    public static ViolationCase FromDetection(CaseToOpen found, string description, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new ViolationCase(found.SubjectAgentId, null, found.Type, CaseSource.AutoDetected, description, at) { Facts = DetectedFacts.Of(found).ToJson() };
    }

    public void LinkTo(int? dealId, int? salesReportId)
    {
        DealId = dealId;
        SalesReportId = salesReportId;
    }

    public void AddEvidence(CaseEvidence evidence) => _evidence.Add(evidence);

    public void AddNote(CaseNote note) => _notes.Add(note);
}
