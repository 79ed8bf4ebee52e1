using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Operations;

/// <summary>The expiry job's settings, bound from the <c>Operations</c> section.</summary>
public sealed class ExpiryJobOptions
{
    public const string SectionName = "Operations";

    /// <summary>Whether the background worker runs the job at all (tests turn it off and call the job with explicit times).</summary>
    public bool ExpiryJobEnabled { get; set; } = true;

    /// <summary>Minutes between two runs (<c>Operations:ExpiryIntervalMinutes</c>).</summary>
    [Range(1, 1440)]
    public int ExpiryIntervalMinutes { get; set; } = 5;

    /// <summary>Seconds between two runs (<c>Operations:ExpiryIntervalSeconds</c>); when above 0 it overrides <see cref="ExpiryIntervalMinutes"/> (short intervals for tests).</summary>
    [Range(0, 86_400)]
    public int ExpiryIntervalSeconds { get; set; }

    /// <summary>The interval in force: <see cref="ExpiryIntervalSeconds"/> when set, else <see cref="ExpiryIntervalMinutes"/>.</summary>
    public TimeSpan Interval => ExpiryIntervalSeconds > 0 ? TimeSpan.FromSeconds(ExpiryIntervalSeconds) : TimeSpan.FromMinutes(ExpiryIntervalMinutes);

    /// <summary>At most this many records change in one transaction, so a backlog never holds the write lock for long.</summary>
    [Range(1, 10_000)]
    public int ExpiryBatchSize { get; set; } = 200;
}
