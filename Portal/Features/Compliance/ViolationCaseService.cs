using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// Market monitoring (市场监控, DESIGN.md §2.6), from a report to a decided case: public reports (举报), manual cases,
/// investigation with evidence and notes, confirmation or dismissal (§5.4). Penalties and appeals are
/// <see cref="PenaltyService"/>'s. Each method is one use case in one transaction, audited; refusals are results.
/// </summary>
public sealed class ViolationCaseService(ChannelWrites writes, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A public violation report, from anyone (<paramref name="reporter"/> is null when not signed in): a case in
    /// Reported with source Report. A subject that is an agent's code names that agent; anything else is kept as the
    /// reporter wrote it for Compliance to identify. Invalid input stores nothing.
    /// </summary>
    public async Task<CaseResult<CaseChange>> FileReportAsync(CurrentUser? reporter, ViolationReportInput input, CancellationToken cancellationToken = default)
    {
        // Anyone may report (DESIGN.md §1): there is no role to check.
        ArgumentNullException.ThrowIfNull(input);
        var check = new CaseInputValidation();
        var subject = check.Text(CaseFields.Subject, input.Subject, ViolationCase.SubjectTextMaxLength);
        var type = check.Choice<ViolationType>(CaseFields.Type, input.Type);
        var description = check.Text(CaseFields.Description, input.Description, ViolationCase.DescriptionMaxLength);
        var contact = check.OptionalText(CaseFields.ReporterContact, input.ReporterContact, ViolationCase.ReporterContactMaxLength);
        if (!check.IsValid || type is null)
        {
            return CaseResult.Invalid<CaseChange>(check.Errors);
        }

        return await writes.RunCaseAsync(
            "FileViolationReport",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = Now;
                var agentId = await AgentIdAsync(db, subject, ct).ConfigureAwait(false);
                var violation = ViolationCase.FromReport(agentId, subject, type.Value, description, contact, now);
                db.ViolationCases.Add(violation);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await audit.AppendSavedAsync(db, new AuditRecord(reporter?.Email ?? CaseAudit.Anonymous, "ViolationReported", CaseAudit.CaseEntity, CaseAudit.Id(violation.Id), After: CaseAudit.Snapshot(violation)), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A case Compliance or a ChannelManager opens against a known agent (source Manual, state Reported).</summary>
    public async Task<CaseResult<CaseChange>> OpenCaseAsync(CurrentUser user, ManualCaseInput input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.OpensCases(user));
        ArgumentNullException.ThrowIfNull(input);
        var check = new CaseInputValidation();
        var code = check.Text(CaseFields.SubjectAgentCode, input.SubjectAgentCode, ViolationCase.SubjectTextMaxLength);
        var type = check.Choice<ViolationType>(CaseFields.Type, input.Type);
        var description = check.Text(CaseFields.Description, input.Description, ViolationCase.DescriptionMaxLength);
        if (!check.IsValid || type is null)
        {
            return CaseResult.Invalid<CaseChange>(check.Errors);
        }

        return await writes.RunCaseAsync(
            "OpenViolationCase",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = Now;
                if (await AgentIdAsync(db, code, ct).ConfigureAwait(false) is not { } agentId)
                {
                    return CaseResult.Invalid<CaseChange>(CaseFields.SubjectAgentCode, CaseReasonCodes.UnknownAgent);
                }

                var violation = new ViolationCase(agentId, null, type.Value, CaseSource.Manual, description, now);
                db.ViolationCases.Add(violation);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await audit.AppendSavedAsync(db, new AuditRecord(user.Email, "ViolationCaseOpened", CaseAudit.CaseEntity, CaseAudit.Id(violation.Id), After: CaseAudit.Snapshot(violation)), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reported → UnderInvestigation.</summary>
    public Task<CaseResult<CaseChange>> StartInvestigationAsync(CurrentUser user, int caseId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        return writes.TransitionAsync(audit, user, caseId, CaseAction.StartInvestigation, "CaseInvestigationStarted", null, Now, c => c.StartInvestigation(), cancellationToken);
    }

    /// <summary>Names the agent a case is about (by its code), until the case is decided.</summary>
    public async Task<CaseResult<CaseChange>> IdentifySubjectAsync(CurrentUser user, int caseId, string? agentCode, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        var check = new CaseInputValidation();
        var code = check.Text(CaseFields.SubjectAgentCode, agentCode, ViolationCase.SubjectTextMaxLength);
        if (!check.IsValid)
        {
            return CaseResult.Invalid<CaseChange>(check.Errors);
        }

        return await writes.RunCaseAsync(
            "IdentifyCaseSubject",
            async (db, ct) =>
            {
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return CaseResult.NotFound<CaseChange>();
                }

                if (!violation.CanIdentifySubject)
                {
                    return CaseResult.Refused<CaseChange>(TransitionCode.NotAllowedInState, null, violation.State.ToString());
                }

                if (await AgentIdAsync(db, code, ct).ConfigureAwait(false) is not { } agentId)
                {
                    return CaseResult.Invalid<CaseChange>(CaseFields.SubjectAgentCode, CaseReasonCodes.UnknownAgent);
                }

                var before = CaseAudit.Snapshot(violation);
                violation.IdentifySubject(agentId);
                await audit.AppendSavedAsync(db, new AuditRecord(user.Email, "CaseSubjectIdentified", CaseAudit.CaseEntity, CaseAudit.Id(caseId), before, CaseAudit.Snapshot(violation)), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a piece of evidence to the case's file, in any state (the file is append-only and audited).</summary>
    public async Task<CaseResult<CaseChange>> AddEvidenceAsync(CurrentUser user, int caseId, EvidenceInput input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        ArgumentNullException.ThrowIfNull(input);
        var check = new CaseInputValidation();
        var description = check.Text(CaseFields.Description, input.Description, CaseEvidence.DescriptionMaxLength);
        var fileName = check.OptionalText(CaseFields.FileName, input.FileName, CaseEvidence.FileNameMaxLength);
        var sha256 = check.OptionalSha256(CaseFields.Sha256, input.Sha256);

        // A file is identified by its name and its hash together: one without the other proves nothing.
        if (fileName is null && sha256 is not null)
        {
            check.Add(CaseFields.FileName, ReasonCode.Required);
        }
        else if (fileName is not null && sha256 is null)
        {
            check.Add(CaseFields.Sha256, ReasonCode.Required);
        }

        if (!check.IsValid)
        {
            return CaseResult.Invalid<CaseChange>(check.Errors);
        }

        return await writes.RunCaseAsync(
            "AddCaseEvidence",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = Now;
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return CaseResult.NotFound<CaseChange>();
                }

                var evidence = new CaseEvidence(description, fileName, sha256, now, user.Email);
                violation.AddEvidence(evidence);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var after = CaseAudit.Snapshot(new { EvidenceId = evidence.Id, evidence.Description, evidence.FileName, evidence.Sha256 });
                await audit.AppendSavedAsync(db, new AuditRecord(user.Email, "CaseEvidenceAdded", CaseAudit.CaseEntity, CaseAudit.Id(caseId), After: after), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a note (1–4000 characters) to the case's timeline, in any state.</summary>
    public async Task<CaseResult<CaseChange>> AddNoteAsync(CurrentUser user, int caseId, string? text, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        var check = new CaseInputValidation();
        var note = check.Text(CaseFields.Note, text, CaseNote.TextMaxLength);
        if (!check.IsValid)
        {
            return CaseResult.Invalid<CaseChange>(check.Errors);
        }

        return await writes.RunCaseAsync(
            "AddCaseNote",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = Now;
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return CaseResult.NotFound<CaseChange>();
                }

                var added = new CaseNote(note, now, user.Email);
                violation.AddNote(added);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var after = CaseAudit.Snapshot(new { NoteId = added.Id, added.Text });
                await audit.AppendSavedAsync(db, new AuditRecord(user.Email, "CaseNoteAdded", CaseAudit.CaseEntity, CaseAudit.Id(caseId), After: after), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// UnderInvestigation → Confirmed, once the subject agent is identified (guard SubjectAgentIdentified). A
    /// <paramref name="severe"/> case goes straight to disqualification on the ladder.
    /// </summary>
    public Task<CaseResult<CaseChange>> ConfirmAsync(CurrentUser user, int caseId, bool severe = false, string? note = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        var now = Now;
        return writes.TransitionAsync(audit, user, caseId, CaseAction.Confirm, "CaseConfirmed", note, now, c => c.Confirm(now, severe), cancellationToken);
    }

    /// <summary>UnderInvestigation → Dismissed: no violation. The note says why.</summary>
    public Task<CaseResult<CaseChange>> DismissAsync(CurrentUser user, int caseId, string? note = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.Unless(CaseRoles.Investigates(user));
        var now = Now;
        return writes.TransitionAsync(audit, user, caseId, CaseAction.Dismiss, "CaseDismissed", note, now, c => c.Dismiss(now), cancellationToken);
    }

    /// <summary>The agent whose code the text is (codes are stored in upper case), if any.</summary>
    private static Task<int?> AgentIdAsync(PortalDbContext db, string text, CancellationToken ct)
    {
        var code = text.Trim().ToUpperInvariant();
        return db.Agents.Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
    }
}
