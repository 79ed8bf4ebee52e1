using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// Runs a compliance use case through <see cref="ChannelWrites"/> (one transaction over the channel, retried when a
/// concurrent writer won) and keeps two promises to its callers: a refusal changes nothing, and no
/// <see cref="DomainException"/> escapes.
/// </summary>
internal static class CaseWrites
{
    public static async Task<CaseResult<T>> RunCaseAsync<T>(
        this ChannelWrites writes, string useCase, Func<PortalDbContext, CancellationToken, Task<CaseResult<T>>> work, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await writes.RunAsync(
                useCase,
                async (db, ct) =>
                {
                    var result = await work(db, ct).ConfigureAwait(false);

                    // Leaving by an exception rolls back whatever the use case saved before it was refused.
                    return result.Succeeded ? result : throw new RefusedException(result);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RefusedException refused)
        {
            return (CaseResult<T>)refused.Result;
        }
        catch (DomainException ex)
        {
            // A state machine refused what the use case had checked: another user changed the record meanwhile.
            return CaseResult.Refused<T>(string.IsNullOrEmpty(ex.Code) ? TransitionCode.NotAllowedInState : ex.Code);
        }
    }

    /// <summary>
    /// One step of the case's state machine, the same way for every step: an optional note (1–4000 characters) for the
    /// timeline, the case loaded, the action asked of the machine before anything changes, the step taken, audited
    /// with the case before and after.
    /// </summary>
    public static async Task<CaseResult<CaseChange>> TransitionAsync(
        this ChannelWrites writes,
        AuditTrail audit,
        CurrentUser user,
        int caseId,
        CaseAction action,
        string auditAction,
        string? note,
        DateTime now,
        Action<ViolationCase> apply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(apply);
        var input = new CaseInputValidation();
        var text = input.OptionalText(CaseFields.Note, note, CaseNote.TextMaxLength);
        if (!input.IsValid)
        {
            return CaseResult.Invalid<CaseChange>(input.Errors);
        }

        return await writes.RunCaseAsync(
            auditAction,
            async (db, ct) =>
            {
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return CaseResult.NotFound<CaseChange>();
                }

                var availability = violation.Availability(action, now);
                if (!availability.IsAllowed)
                {
                    return CaseResult.Refused<CaseChange, CaseAction>(availability, violation.State);
                }

                var before = CaseAudit.Snapshot(violation);
                apply(violation);
                if (text is not null)
                {
                    violation.AddNote(new CaseNote(text, now, user.Email));
                }

                await audit.AppendSavedAsync(db, new AuditRecord(user.Email, auditAction, CaseAudit.CaseEntity, CaseAudit.Id(caseId), before, CaseAudit.Snapshot(violation, text)), ct).ConfigureAwait(false);
                return CaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries a refusal out of the transaction so that it rolls back; never leaves this class.</summary>
    private sealed class RefusedException(object result) : Exception("The use case was refused.")
    {
        public object Result { get; } = result;
    }
}
