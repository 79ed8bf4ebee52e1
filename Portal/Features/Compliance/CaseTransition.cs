using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// One step of a case's state machine, taken the same way for every step: an optional note (1–4000 characters) for the
/// timeline, the case loaded, the action asked of the machine before anything changes, the step taken, audited with the
/// case before and after.
/// </summary>
public sealed class CaseTransition(ChannelWrites writes, AuditTrail audit, BusinessClock clock)
{
    /// <summary>
    /// Takes <paramref name="action"/> on the case through <paramref name="apply"/> (given the case and the instant, taken
    /// once the write lock is held), with <paramref name="note"/> on the timeline — required when
    /// <paramref name="noteRequired"/> — and audits it as <paramref name="auditAction"/>.
    /// </summary>
    public Task<UseCaseResult<CaseChange>> TakeAsync(
        CurrentUser user, int caseId, CaseAction action, AuditAction auditAction, string? note, bool noteRequired, Action<ViolationCase, DateTime> apply, CancellationToken cancellationToken) =>
        TakeAsync(user, caseId, action, auditAction, note, noteRequired, apply, null, cancellationToken);

    /// <summary>
    /// As above, and then <paramref name="tell"/> writes the step's notices (ADR 34) in the same transaction, given the
    /// context and the changed case.
    /// </summary>
    public async Task<UseCaseResult<CaseChange>> TakeAsync(
        CurrentUser user,
        int caseId,
        CaseAction action,
        AuditAction auditAction,
        string? note,
        bool noteRequired,
        Action<ViolationCase, DateTime> apply,
        Func<PortalDbContext, ViolationCase, CancellationToken, Task>? tell,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(apply);
        var check = new InputCheck();
        var text = check.Note(CaseFields.Note, note, CaseNote.TextMaxLength, noteRequired);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>(auditAction.ToString(), async (db, ct) =>
        {
            var now = clock.Now;
            var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
            if (violation is null)
            {
                return Refusal.NotFound;
            }

            if (Refusal.Unless(violation.Availability(action, now)) is { } refusal)
            {
                return refusal;
            }

            var before = CaseSnapshot.Of(violation);
            apply(violation, now);
            if (text is not null)
            {
                violation.AddNote(new CaseNote(text, now, user.Email));
            }

            await audit.AppendAsync(db, AuditRecord.Of(user.Email, auditAction, AuditEntity.ViolationCase, caseId, before, CaseSnapshot.Of(violation, text)), ct).ConfigureAwait(false);
            if (tell is not null)
            {
                await tell(db, violation, ct).ConfigureAwait(false);
            }

            return UseCaseResult.Ok(CaseChange.Of(violation));
        }, cancellationToken).ConfigureAwait(false);
    }
}
