namespace Portal.Features.Compliance;

/// <summary>
/// A public violation report (举报) as a form or <c>POST /api/v1/violation-reports</c> sends it: the subject agent's code
/// or name (1–200 characters), the type (a <c>ViolationType</c> name), the description (1–4000) and, optionally, how to
/// reach the reporter (at most 200).
/// </summary>
public sealed record ViolationReportInput(string? Subject, string? Type, string? Description, string? ReporterContact = null);

/// <summary>A case Compliance or a ChannelManager opens against a known agent (by its code).</summary>
public sealed record ManualCaseInput(string? SubjectAgentCode, string? Type, string? Description);

/// <summary>A piece of evidence: a description (1–2000) and, together or not at all, a file name and its SHA-256 (64 hex digits).</summary>
public sealed record EvidenceInput(string? Description, string? FileName = null, string? Sha256 = null);

/// <summary>
/// Compliance's penalty choice: a <c>PenaltyKind</c> name, or null for the ladder's minimum; the amount of a Fine
/// (positive, two decimals at most); the written reason, required for a penalty harsher than the ladder (at most 4000).
/// </summary>
public sealed record PenaltyInput(string? Penalty = null, decimal? FineAmount = null, string? Reason = null);
