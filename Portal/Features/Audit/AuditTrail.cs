using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

/// <summary>
/// Appends to the hash-chained audit log. Inside a use case's transaction call <see cref="AppendAsync"/> so the
/// entry commits (or not) with the change it records; for events with no other change (sign-ins, refusals) call
/// <see cref="RecordAsync"/>, which writes on its own.
/// </summary>
public sealed class AuditTrail(ChannelWrites writes, TimeProvider clock)
{
    /// <summary>Adds the next link of the chain to <paramref name="db"/>; the caller saves and commits.</summary>
    public async Task<AuditEntry> AppendAsync(PortalDbContext db, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);

        return await AuditWriter.AppendAsync(db, clock.GetUtcNow().UtcDateTime, record.Actor, record.Action, record.EntityType, record.EntityId, record.Before, record.After, record.ReasonCodes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one entry in its own transaction (a write like any other: queued, retried if another writer took the same link).</summary>
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return writes.RunAsync("Audit" + record.Action, (db, ct) => AppendAsync(db, record, ct), cancellationToken);
    }

    public Task RecordSignInAsync(string email, SignInResult result, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var action = result.Succeeded ? "SignIn"
            : result.IsLockedOut ? "SignInLockedOut"
            : result.IsNotAllowed ? "SignInRefusedDisabled"
            : "SignInFailed";
        return RecordAsync(new AuditRecord(email, action, "User", email, After: channel), cancellationToken);
    }
}

/// <summary>What an audit entry says: who did what to which record, with before/after snapshots and reason codes.</summary>
public sealed record AuditRecord(
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? Before = null,
    string? After = null,
    IReadOnlyList<string>? ReasonCodes = null);
