using Microsoft.Extensions.Options;
using Portal.Features.Audit;

namespace Portal.Features.Operations;

/// <summary>
/// Runs the <see cref="ExpiryJob"/> at start-up and then every <c>Operations:ExpiryIntervalMinutes</c> (default 5; or
/// <c>Operations:ExpiryIntervalSeconds</c>), and records the audit chain's checkpoint of the business day on the day's
/// first run (<see cref="AuditCheckpoints"/>). Of several instances only the holder of the <c>expiry</c> lease runs it
/// (ADR 36); the others try at each interval and take over when the holder stops renewing.
/// Turned off with <c>Operations:ExpiryJobEnabled=false</c> (the tests do, and call the job with explicit instants).
/// A failed run is logged and the next one tries again; the job is idempotent, so nothing is done twice.
/// </summary>
public sealed partial class ExpiryWorker(ExpiryJob job, AuditCheckpoints checkpoints, BackgroundLeases leases, IOptions<ExpiryJobOptions> options, TimeProvider clock, ILogger<ExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ExpiryJobEnabled)
        {
            LogDisabled(logger);
            return;
        }

        var lease = leases.For(BackgroundLeases.Expiry);
        await lease.RunAsync(async ct =>
        {
            using var timer = new PeriodicTimer(settings.Interval, clock);
            do
            {
                await RunOnceAsync(lease, ct).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }, stoppingToken).ConfigureAwait(false);
    }

    private async Task RunOnceAsync(LeasedWork lease, CancellationToken stoppingToken)
    {
        try
        {
            await lease.TryRunAsync(async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await job.RunAsync(now, ct).ConfigureAwait(false);
                await checkpoints.RecordAsync(now, ct).ConfigureAwait(false);
            }, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failed run must not stop the worker: whatever was due is still due at the next tick.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The expiry job is disabled (Operations:ExpiryJobEnabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The expiry job failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
