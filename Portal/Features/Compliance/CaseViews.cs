using Portal.Domain.Common;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>
/// Server-side filters of the case list; null means any. <see cref="Subject"/> is part of the subject agent's code or
/// name (or of a report's own words while no agent is identified); <see cref="Region"/> a region code the subject agent's
/// territory lies in or covers; <see cref="OpenedFrom"/>/<see cref="OpenedTo"/> business days; <see cref="Investigator"/>
/// the e-mail of the assigned investigator; <see cref="OverdueOnly"/> the cases past their next deadline
/// (<see cref="ViolationCaseQueries.IsOverdue"/>); <see cref="PenalizedFrom"/>/<see cref="PenalizedTo"/> the business days a
/// penalty was imposed between (both included).
/// </summary>
public sealed record CaseFilter(
    CaseState? State = null,
    ViolationType? Type = null,
    CaseSource? Source = null,
    string? Subject = null,
    string? Region = null,
    DateOnly? OpenedFrom = null,
    DateOnly? OpenedTo = null,
    string? Investigator = null,
    bool OverdueOnly = false,
    int? SubjectAgentId = null,
    DateOnly? PenalizedFrom = null,
    DateOnly? PenalizedTo = null);

/// <summary>
/// One row of the case list (DESIGN.md §7: <c>{id, type, state, source, subjectAgentCode, openedAt}</c>), plus the subject
/// as a reporter named it while no agent is identified, the investigator and whether the case is overdue.
/// </summary>
public sealed record CaseRow(
    int Id, ViolationType Type, CaseState State, CaseSource Source, string? SubjectAgentCode, string? SubjectText, DateTime OpenedAt, string? Investigator, bool Overdue,
    PenaltyKind? Penalty = null, DateTime? AppealDeadline = null);

/// <summary>A piece of evidence in a case's file; <see cref="HasFile"/> when its bytes are stored and can be downloaded.</summary>
public sealed record EvidenceView(int Id, string Description, string? FileName, string? ContentType, long? Size, string? Sha256, DateTime AddedAt, string AddedBy)
{
    public bool HasFile => ContentType is not null;
}

/// <summary>One entry of a case's timeline.</summary>
public sealed record NoteView(int Id, string Text, DateTime At, string Author);

/// <summary>
/// The penalty a case imposed. <see cref="Kind"/> and <see cref="FineAmount"/> are null once an appeal lifted it
/// (<see cref="Lifted"/>); which penalty was lifted is in the audit trail (the case row has no column for it).
/// </summary>
public sealed record PenaltyView(PenaltyKind? Kind, decimal? FineAmount, string? Reason, DateTime PenalizedAt, DateTime? AppealDeadline, bool Lifted);

/// <summary>
/// A case as its page shows it: the facts, the evidence and the timeline (oldest first), the penalty, and the actions the
/// caller may take, each with whether the case allows it now and the guard keys that hold it back
/// (<c>Guard_&lt;Key&gt;</c>). <see cref="ReporterContact"/> is shown to Compliance only.
/// </summary>
public sealed record CaseDetail(
    int Id,
    ViolationType Type,
    CaseState State,
    CaseSource Source,
    int? SubjectAgentId,
    string? SubjectAgentCode,
    string? SubjectAgentName,
    string? SubjectText,
    string Description,
    DetectedFacts? Facts,
    DetectedRegion? FactsRegion,
    string? ReporterContact,
    bool Severe,
    string? Investigator,
    int? DealId,
    int? SalesReportId,
    DateTime OpenedAt,
    DateTime? ConfirmedAt,
    DateTime? ClosedAt,
    PenaltyView? Penalty,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ActionAvailability<CaseAction>> Actions,
    CaseAbilities Abilities);

/// <summary>
/// What the caller may do to a case besides its machine's steps: work it (Compliance: notes, evidence at any time, naming
/// the subject while the case is undecided), or add files to its own appeal (the subject agent's reseller).
/// </summary>
public sealed record CaseAbilities(bool Work, bool IdentifySubject, bool AddEvidence);

/// <summary>The region an automatic detection named, in both languages.</summary>
public sealed record DetectedRegion(string Code, string NameZh, string NameEn);

/// <summary>A case after a successful change: its id and its state now.</summary>
public sealed record CaseChange(int CaseId, CaseState State)
{
    public static CaseChange Of(ViolationCase violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new CaseChange(violation.Id, violation.State);
    }
}
