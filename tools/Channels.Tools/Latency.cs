using System.Diagnostics;

namespace Channels.Tools;

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

    /// <summary>Runs <paramref name="operation"/> a few times untimed (the first run of a query shape compiles it), then <paramref name="runs"/> times timed.</summary>
    public static async Task<LatencyStats> EachAsync(int runs, Func<Task> operation)
    {
        for (var i = 0; i < Math.Min(3, runs); i++)
        {
            await operation().ConfigureAwait(false);
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            samples.Add(await MillisecondsAsync(operation).ConfigureAwait(false));
        }

        return LatencyStats.Of(samples);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> once per item over <paramref name="clients"/> concurrent clients, each taking
    /// the next item as soon as its last one finished; every operation is timed, and the whole run gives the throughput.
    /// </summary>
    public static async Task<ThroughputResult> ConcurrentlyAsync<T>(IReadOnlyList<T> work, int clients, Func<T, Task> operation)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < work.Count; i = Interlocked.Increment(ref next))
            {
                var item = work[i];
                latencies.Add(await MillisecondsAsync(() => operation(item)).ConfigureAwait(false));
            }
        }));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new ThroughputResult(clients, work.Count, seconds, work.Count / seconds, LatencyStats.Of(latencies));
    }
}
