using System.Threading.RateLimiting;

namespace Portal.Features;

/// <summary>
/// A budget of permits per key (a client address, a user) per minute: enough for a person, not for a flood or a
/// scraper. Each limit is one subclass with its own setting.
/// </summary>
public abstract class PerMinuteLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    protected PerMinuteLimit(int permitsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when <paramref name="key"/> may act once more now.</summary>
    public bool TryAcquire(string? key)
    {
        using var lease = _limiter.AttemptAcquire(key ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter.Dispose();
        }
    }
}
