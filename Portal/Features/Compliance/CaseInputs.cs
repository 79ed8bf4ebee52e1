namespace Portal.Features.Compliance;

/// <summary>
/// A public violation report (举报) as a form or <c>POST /api/v1/violation-reports</c> sends it: the subject agent's code
/// or name (1–200 characters), the type (a <c>ViolationType</c> name), the description (1–4000) and, optionally, how to
/// reach the reporter (at most 200).
/// </summary>
public sealed record ViolationReportInput(string? Subject, string? Type, string? Description, string? ReporterContact = null);

/// <summary>A case Compliance or a ChannelManager opens against a known agent (by its code).</summary>
public sealed record ManualCaseInput(string? SubjectAgentCode, string? Type, string? Description);


/// <summary>
/// Compliance's penalty choice (<c>POST /api/v1/violations/{id}/penalize</c>): a <c>PenaltyKind</c> name, or null for the ladder's minimum; the amount of a Fine
/// (positive, two decimals at most); the written reason, required for a penalty harsher than the ladder (at most 4000).
/// </summary>
public sealed record PenaltyInput(string? Kind = null, decimal? FineAmount = null, string? Reason = null);
