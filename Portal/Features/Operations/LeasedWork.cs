namespace Portal.Features.Operations;

/// <summary>
/// One kind of background work done under its lease (ADR 36), the one piece the expiry worker, the mail worker and the
/// SQLite checkpoints share. <see cref="RunAsync"/> keeps the lease while the worker's loop runs: every
/// <see cref="LeaseOptions.RenewInterval"/> (a third of the duration) it renews the lease if held, or takes it if it
/// expired; on a graceful stop it releases it. Each run asks first: <see cref="TryRunAsync"/> renews and counts the run
/// in one statement and runs the work only if this instance holds the lease; <see cref="TryRunHeldAsync"/>, for work
/// done several times a second, trusts the last renewal (less one renew interval of margin) and counts its runs at the
/// next renewal. An instance that dies stops renewing: another takes over at most Duration + RenewInterval after
/// the dead holder's last renewal.
/// </summary>
public sealed partial class LeasedWork
{
    private readonly BackgroundLeases _leases;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private long _uncounted;
    private DateTime? _heldUntil;

    internal LeasedWork(BackgroundLeases leases, string name, string holder, TimeProvider clock, ILogger logger)
    {
        _leases = leases;
        _clock = clock;
        _logger = logger;
        Name = name;
        Holder = holder;
    }

    public string Name { get; }

    public string Holder { get; }

    /// <summary>Whether this instance held the lease at its last renewal and the lease cannot have passed to another since.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_gate)
            {
                return _heldUntil is { } until && Now < until - _leases.Settings.RenewInterval;
            }
        }
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Runs <paramref name="body"/> (the worker's loop) while keeping the lease, and releases the lease when the body ends
    /// with the host stopping. The body asks for each run with <see cref="TryRunAsync"/> or <see cref="TryRunHeldAsync"/>.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> body, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var keeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeper = KeepAsync(keeping.Token);
        try
        {
            await body(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            await keeping.CancelAsync().ConfigureAwait(false);
            await keeper.ConfigureAwait(false);
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Renews (or takes) the lease now and every renew interval until <paramref name="cancellationToken"/> is cancelled; never releases it.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_leases.Settings.RenewInterval, _clock);
        try
        {
            do
            {
                try
                {
                    await TakeAsync(0, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database did not answer: the lease may pass to another instance; the next interval tries again.
                    LogRenewFailed(_logger, Name, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: a graceful stop releases the lease next; a killed instance simply stops renewing.
        }
    }

    /// <summary>Renews (or takes) the lease and counts one run in the same statement; runs <paramref name="work"/> only if this instance holds it.</summary>
    public async Task<bool> TryRunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await TakeAsync(1, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await work(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> if the lease <see cref="IsHeld"/>, without a statement of its own; the run is counted at the next renewal.</summary>
    public async Task<bool> TryRunHeldAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsHeld)
        {
            return false;
        }

        Interlocked.Increment(ref _uncounted);
        await work(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Gives the lease up, counting the runs not yet counted (a graceful stop).</summary>
    public async Task ReleaseAsync()
    {
        bool held;
        lock (_gate)
        {
            held = _heldUntil is not null;
            _heldUntil = null;
        }

        if (!held)
        {
            return;
        }

        try
        {
            await _leases.ReleaseAsync(Name, Holder, Now, Interlocked.Exchange(ref _uncounted, 0), CancellationToken.None).ConfigureAwait(false);
            LogReleased(_logger, Name, Holder);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease simply expires.
            LogRenewFailed(_logger, Name, ex);
        }
    }

    private async Task<bool> TakeAsync(long runs, CancellationToken cancellationToken)
    {
        var now = Now;
        var uncounted = Interlocked.Exchange(ref _uncounted, 0);
        bool taken;
        try
        {
            taken = await _leases.TryTakeAsync(Name, Holder, now, runs + uncounted, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Add(ref _uncounted, uncounted);
            throw;
        }

        bool held;
        lock (_gate)
        {
            held = _heldUntil is not null;
            _heldUntil = taken ? now + _leases.Settings.Duration : null;
        }

        if (taken && !held)
        {
            LogAcquired(_logger, Name, Holder);
        }
        else if (!taken && held)
        {
            LogLost(_logger, Name, Holder);
        }

        return taken;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Holder} took the {Lease} lease: it does that work now")]
    private static partial void LogAcquired(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Holder} lost the {Lease} lease to another instance: it stops that work")]
    private static partial void LogLost(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Holder} released the {Lease} lease")]
    private static partial void LogReleased(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Lease} lease could not be renewed or released; the next interval tries again")]
    private static partial void LogRenewFailed(ILogger logger, string lease, Exception exception);
}
