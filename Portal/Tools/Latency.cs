using System.Diagnostics;

namespace Portal.Tools;

/// <summary>Latency percentiles of one measured operation, in milliseconds.</summary>
public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Mean, double Max)
{
    public static LatencyStats Of(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = samples.Order().ToArray();
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Average(), sorted[^1]);
    }

    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Times operations with the high-resolution clock.</summary>
internal static class Timing
{
    public static async Task<double> MillisecondsAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
