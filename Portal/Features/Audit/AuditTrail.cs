using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

/// <summary>
/// The one way the portal writes the hash-chained audit log. Inside a use case's transaction call
/// <see cref="AppendAsync"/>, so the entry commits (or not) with the change it records — several entries may be
/// appended in one transaction; the records they name must already have their ids. For an event with no other change
/// (a sign-in, a refusal, an account change made through Identity) call <see cref="RecordAsync"/>, which writes on its own.
/// </summary>
public sealed class AuditTrail(ChannelWrites writes, TimeProvider clock)
{
    /// <summary>Adds the next link of the chain to <paramref name="db"/>; the use case's transaction commits it.</summary>
    public Task<AuditEntry> AppendAsync(PortalDbContext db, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        return AuditWriter.AppendAsync(db, clock.GetUtcNow().UtcDateTime, record, cancellationToken);
    }

    /// <summary>Writes one entry in its own transaction (a write like any other: queued, retried if another writer took the same link).</summary>
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return writes.RunUnitAsync("Audit" + record.Action, (db, ct) => AppendAsync(db, record, ct), cancellationToken);
    }

    public Task RecordSignInAsync(string email, SignInResult result, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var action = result.Succeeded ? AuditAction.SignIn
            : result.IsLockedOut ? AuditAction.SignInLockedOut
            : result.IsNotAllowed ? AuditAction.SignInRefusedDisabled
            : AuditAction.SignInFailed;
        return RecordAsync(new AuditRecord(email, action, AuditEntity.User, email, After: new { channel }), cancellationToken);
    }
}
