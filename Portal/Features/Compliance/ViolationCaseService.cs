using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// Market monitoring (市场监控, DESIGN.md §2.6), from a report to a decided case: public reports (举报), manual cases,
/// investigation with notes (evidence files are <see cref="CaseEvidenceService"/>'s), confirmation or dismissal (§5.4). Penalties and appeals are
/// <see cref="PenaltyService"/>'s. Each method is one use case in one transaction, audited; refusals are results.
/// </summary>
public sealed class ViolationCaseService(ChannelWrites writes, CaseTransition transition, Investigators investigators, AuditTrail audit, BusinessClock clock, CaseNotices notices)
{
    /// <summary>
    /// A public violation report, from anyone (<paramref name="reporter"/> is null when not signed in): a case in
    /// Reported with source Report. A subject that is an agent's code names that agent; anything else is kept as the
    /// reporter wrote it for Compliance to identify. Invalid input stores nothing.
    /// </summary>
    public async Task<UseCaseResult<CaseChange>> FileReportAsync(CurrentUser? reporter, ViolationReportInput? input, CancellationToken cancellationToken = default)
    {
        // Anyone may report (DESIGN.md §1): there is no policy to check.
        var check = new InputCheck();
        var subject = check.Text(CaseFields.Subject, input?.Subject, ViolationCase.SubjectTextMaxLength);
        var type = check.Choice<ViolationType>(CaseFields.Type, input?.Type);
        var description = check.Text(CaseFields.Description, input?.Description, ViolationCase.DescriptionMaxLength, multiline: true);
        var contact = check.OptionalText(CaseFields.ReporterContact, input?.ReporterContact, ViolationCase.ReporterContactMaxLength);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>("FileViolationReport", async (db, ct) =>
        {
            var agentId = await AgentIdAsync(db, subject!, ct).ConfigureAwait(false);
            var violation = ViolationCase.FromReport(agentId, subject!, type!.Value, description!, contact, clock.Now);
            db.ViolationCases.Add(violation);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(reporter?.Email ?? Anonymous, AuditAction.ViolationReported, AuditEntity.ViolationCase, violation.Id, after: CaseSnapshot.Of(violation)), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(CaseChange.Of(violation));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The actor of a public report filed without signing in.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>A case Compliance or a ChannelManager opens against a known agent (source Manual, state Reported).</summary>
    public async Task<UseCaseResult<CaseChange>> OpenCaseAsync(CurrentUser user, ManualCaseInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.OpenCases);
        var check = new InputCheck();
        var code = check.Text(CaseFields.SubjectAgentCode, input?.SubjectAgentCode, ViolationCase.SubjectTextMaxLength);
        var type = check.Choice<ViolationType>(CaseFields.Type, input?.Type);
        var description = check.Text(CaseFields.Description, input?.Description, ViolationCase.DescriptionMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>("OpenViolationCase", async (db, ct) =>
        {
            // A regional manager names only an agent of its regions; any other is as unknown to it as a missing one.
            if (await AgentIdAsync(db, code!, ct).ConfigureAwait(false) is not { } agentId
                || !await db.SeesAsync(PortalData.ScopeOf(user), v => v.Agents.AnyAsync(a => a.Id == agentId, ct)).ConfigureAwait(false))
            {
                return Refusal.Invalid(CaseFields.SubjectAgentCode, UseCaseCode.UnknownAgent);
            }

            var violation = new ViolationCase(agentId, null, type!.Value, CaseSource.Manual, description!, clock.Now);
            db.ViolationCases.Add(violation);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.ViolationCaseOpened, AuditEntity.ViolationCase, violation.Id, after: CaseSnapshot.Of(violation)), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(CaseChange.Of(violation));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reported → UnderInvestigation, assigned to <paramref name="investigator"/> (an enabled Compliance account's e-mail;
    /// the caller when absent).
    /// </summary>
    public async Task<UseCaseResult<CaseChange>> StartInvestigationAsync(CurrentUser user, int caseId, string? investigator = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        var check = new InputCheck();
        var assigned = check.OptionalText(CaseFields.Investigator, investigator, ViolationCase.InvestigatorMaxLength) ?? user.Email;
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        if (!await investigators.IsInvestigatorAsync(assigned, cancellationToken).ConfigureAwait(false))
        {
            return Refusal.Invalid(CaseFields.Investigator, UseCaseCode.NotAnInvestigator);
        }

        return await transition.TakeAsync(user, caseId, CaseAction.StartInvestigation, AuditAction.CaseInvestigationStarted, null, false, (c, _) => c.StartInvestigation(assigned.Trim().ToLowerInvariant()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Names the agent a case is about (by its code), until the case is decided.</summary>
    public async Task<UseCaseResult<CaseChange>> IdentifySubjectAsync(CurrentUser user, int caseId, string? agentCode, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        var check = new InputCheck();
        var code = check.Text(CaseFields.SubjectAgentCode, agentCode, ViolationCase.SubjectTextMaxLength);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>("IdentifyCaseSubject", async (db, ct) =>
        {
            var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
            if (violation is null)
            {
                return Refusal.NotFound;
            }

            if (!violation.CanIdentifySubject)
            {
                return Refusal.Because(TransitionCode.NotAllowedInState, null, violation.State.ToString());
            }

            if (await AgentIdAsync(db, code!, ct).ConfigureAwait(false) is not { } agentId)
            {
                return Refusal.Invalid(CaseFields.SubjectAgentCode, UseCaseCode.UnknownAgent);
            }

            var before = CaseSnapshot.Of(violation);
            violation.IdentifySubject(agentId);
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CaseSubjectIdentified, AuditEntity.ViolationCase, caseId, before, CaseSnapshot.Of(violation)), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(CaseChange.Of(violation));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a note (1–4000 characters) to the case's timeline, in any state.</summary>
    public async Task<UseCaseResult<CaseChange>> AddNoteAsync(CurrentUser user, int caseId, string? text, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        var check = new InputCheck();
        var note = check.Text(CaseFields.Note, text, CaseNote.TextMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>("AddCaseNote", async (db, ct) =>
        {
            var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
            if (violation is null)
            {
                return Refusal.NotFound;
            }

            var added = new CaseNote(note!, clock.Now, user.Email);
            violation.AddNote(added);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CaseNoteAdded, AuditEntity.ViolationCase, caseId, after: new { NoteId = added.Id, added.Text }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(CaseChange.Of(violation));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// UnderInvestigation → Confirmed, once the subject agent is identified (guard SubjectAgentIdentified). A
    /// <paramref name="severe"/> case goes straight to disqualification on the ladder.
    /// </summary>
    public Task<UseCaseResult<CaseChange>> ConfirmAsync(CurrentUser user, int caseId, bool severe = false, string? note = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        return transition.TakeAsync(user, caseId, CaseAction.Confirm, AuditAction.CaseConfirmed, note, false, (c, now) => c.Confirm(now, severe), notices.OpenedAsync, cancellationToken);
    }

    /// <summary>UnderInvestigation → Dismissed: no violation. The reason (1–4000 characters) is required and goes on the timeline.</summary>
    public Task<UseCaseResult<CaseChange>> DismissAsync(CurrentUser user, int caseId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        return transition.TakeAsync(user, caseId, CaseAction.Dismiss, AuditAction.CaseDismissed, reason, true, (c, now) => c.Dismiss(now), cancellationToken);
    }

    /// <summary>The agent whose code the text is (codes are stored in upper case), if any.</summary>
    private static Task<int?> AgentIdAsync(PortalDbContext db, string text, CancellationToken ct)
    {
        var code = text.Trim().ToUpperInvariant();
        return db.Agents.Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
    }
}
