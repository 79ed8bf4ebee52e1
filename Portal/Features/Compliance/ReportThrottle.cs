using System.Threading.RateLimiting;

namespace Portal.Features.Compliance;

/// <summary>
/// The public report form and <c>POST /api/v1/violation-reports</c> take anonymous input, so both draw on one
/// budget per client address (<c>Reports:PermitsPerMinute</c>, default 5): enough for a person, not for a flood.
/// </summary>
public sealed class ReportThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ReportThrottle(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Reports:PermitsPerMinute", 5);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when this address may file another report now.</summary>
    public bool TryAcquire(string? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
