using Portal.Domain.Common;

namespace Portal.Features.Compliance;

/// <summary>
/// Reason codes the compliance services give beside those of <see cref="ReasonCode"/>. They are part of the API
/// contract like those (never rename one, only add) and each has a <c>Reason_&lt;CODE&gt;</c> sentence in both
/// languages. They live here rather than in <see cref="ReasonCode.All"/> because no pure rule of Portal.Domain
/// produces them: they are the application's answers about what it found in the database.
/// </summary>
public static class CaseReasonCodes
{
    /// <summary>No agent has the code given for a case's subject.</summary>
    public const string UnknownAgent = "UNKNOWN_AGENT";

    /// <summary>
    /// The subject agent's contract cannot take the penalty in its state: a suspended agent cannot be suspended again, a
    /// revoked one cannot be revoked (detail: the contract status).
    /// </summary>
    public const string PenaltyNotApplicable = "PENALTY_NOT_APPLICABLE";

    /// <summary>
    /// An appeal cannot lift a disqualification: the contract is Revoked (terminal) and the cascade has moved the agent's
    /// customers and sub-agents; the appeal can only be upheld.
    /// </summary>
    public const string DisqualificationIrreversible = "DISQUALIFICATION_IRREVERSIBLE";

    /// <summary>Every code a compliance service can answer with, the state machines' two included.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UnknownAgent, PenaltyNotApplicable, DisqualificationIrreversible, TransitionCode.NotAllowedInState, TransitionCode.GuardNotMet,
        ReasonCode.Required, ReasonCode.TooLong, ReasonCode.InvalidValue,
        ReasonCode.PenaltyBelowLadder, ReasonCode.ReasonRequired,
    ];
}

/// <summary>The input fields compliance reasons and field errors point at (the JSON names of the request bodies).</summary>
public static class CaseFields
{
    public const string Subject = "subject";
    public const string SubjectAgentCode = "subjectAgentCode";
    public const string Type = "type";
    public const string Description = "description";
    public const string ReporterContact = "reporterContact";
    public const string Note = "note";
    public const string FileName = "fileName";
    public const string Sha256 = "sha256";
    public const string Grounds = "grounds";
    public const string Penalty = InputField.Penalty;
    public const string FineAmount = "fineAmount";
    public const string Reason = InputField.WrittenReason;
}
