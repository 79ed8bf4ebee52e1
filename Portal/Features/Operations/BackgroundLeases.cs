using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Operations;

namespace Portal.Features.Operations;

/// <summary>The lease settings, bound from the <c>Leases</c> section (ADR 36).</summary>
public sealed class LeaseOptions
{
    public const string SectionName = "Leases";

    /// <summary>How long a lease lasts unless renewed (<c>Leases:DurationSeconds</c>); the holder renews every third of it.</summary>
    [Range(3, 3600)]
    public int DurationSeconds { get; set; } = 30;

    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    /// <summary>How often the holder renews and every other instance tries to take the lease: a third of its duration.</summary>
    public TimeSpan RenewInterval => Duration / 3;
}

/// <summary>This portal process among the instances sharing the database (<c>Instance:Name</c>).</summary>
public sealed class InstanceOptions
{
    public const string SectionName = "Instance";

    /// <summary>The instance's name as lease holder; by default <c>{machine}-{pid}-{8 hex digits}</c>, unique per process.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// The leases of the background work (ADR 36): rows in <c>BackgroundLeases</c>, each taken, renewed and counted by one
/// conditional update, so that of several instances sharing the database exactly one does each kind of work at a time.
/// </summary>
public sealed class BackgroundLeases(ChannelWrites writes, IOptions<LeaseOptions> options, IOptions<InstanceOptions> instance, TimeProvider clock, ILogger<LeasedWork> logger)
{
    /// <summary>The expiry job, its reminders and the audit chain's daily checkpoint.</summary>
    public const string Expiry = "expiry";

    /// <summary>The mail worker's sending of the outbox.</summary>
    public const string Mail = "mail";

    /// <summary>The background checkpoints of SQLite's write-ahead log.</summary>
    public const string SqliteCheckpoints = "sqlite-checkpoints";

    public LeaseOptions Settings => options.Value;

    /// <summary>This instance's name as holder.</summary>
    public string Instance => instance.Value.Name;

    /// <summary>The lease of <paramref name="name"/> as this instance holds it (or tries to).</summary>
    public LeasedWork For(string name) => For(name, Instance);

    /// <summary>The lease of <paramref name="name"/> for a named holder (a second holder in the same process, in tests).</summary>
    public LeasedWork For(string name, string holder) => new(this, name, holder, clock, logger);

    /// <summary>
    /// Takes the lease for <paramref name="holder"/> when it holds it already (a renewal) or when it has expired, in one
    /// statement — <c>UPDATE … WHERE Name = @name AND (Holder = @holder OR ExpiresAt &lt; @now)</c> — adding
    /// <paramref name="runs"/> to the lease's count; inserts the row when there is none. True when the holder now holds
    /// the lease until <paramref name="now"/> + the duration. The write takes the channel's write lock like every write,
    /// so two instances inserting the first row take turns (and a unique-key collision would be retried as not taken).
    /// </summary>
    public Task<bool> TryTakeAsync(string name, string holder, DateTime now, long runs, CancellationToken cancellationToken = default)
    {
        var expires = now + Settings.Duration;
        return writes.RunUnitAsync("TakeLease", async (db, ct) =>
        {
            var taken = runs > 0
                ? await db.BackgroundLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now)).ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                    .SetProperty(l => l.Holder, holder)
                    .SetProperty(l => l.ExpiresAt, expires)
                    .SetProperty(l => l.Runs, l => l.Runs + runs)
                    .SetProperty(l => l.LastRunAt, now), ct).ConfigureAwait(false)
                : await db.BackgroundLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now)).ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                    .SetProperty(l => l.Holder, holder)
                    .SetProperty(l => l.ExpiresAt, expires), ct).ConfigureAwait(false);
            if (taken == 1)
            {
                return true;
            }

            if (await db.BackgroundLeases.AnyAsync(l => l.Name == name, ct).ConfigureAwait(false))
            {
                return false;
            }

            db.BackgroundLeases.Add(new BackgroundLease(name, holder, now, expires, runs));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives the lease up (a graceful stop): it is made to have expired a second before <paramref name="now"/>, so any
    /// other instance takes it at its next try; the runs not yet counted are added. Nothing happens when another
    /// instance holds it meanwhile.
    /// </summary>
    public Task ReleaseAsync(string name, string holder, DateTime now, long runs, CancellationToken cancellationToken = default)
    {
        var expired = now - TimeSpan.FromSeconds(1);
        return writes.RunUnitAsync("ReleaseLease", (db, ct) => db.BackgroundLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expired).SetProperty(l => l.Runs, l => l.Runs + runs), ct), cancellationToken);
    }
}
