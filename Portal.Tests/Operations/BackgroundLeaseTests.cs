using Microsoft.EntityFrameworkCore;
using Portal.Features.Operations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>
/// Background work runs on one instance at a time, under a lease in the database (ADR 36): two holders here stand for
/// two instances (the same statements, another holder name), on the portal's fake clock.
/// </summary>
public sealed class BackgroundLeaseTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private BackgroundLeases Leases => Service<BackgroundLeases>();

    private LeaseOptions Settings => Leases.Settings;

    [Fact]
    public async Task A_killed_holder_is_taken_over_within_two_lease_durations()
    {
        var a = Leases.For("test-takeover", "instance-a");
        var b = Leases.For("test-takeover", "instance-b");
        var runs = new List<string>();
        Task Run(string who) { runs.Add(who); return Task.CompletedTask; }

        Assert.True(await a.TryRunAsync(_ => Run("a"), CancellationToken.None));
        Assert.False(await b.TryRunAsync(_ => Run("b"), CancellationToken.None));

        // A renews every third of the duration: B keeps trying and never gets it.
        for (var i = 0; i < 6; i++)
        {
            Clock.Advance(Settings.RenewInterval);
            Assert.True(await a.TryRunAsync(_ => Run("a"), CancellationToken.None));
            Assert.False(await b.TryRunAsync(_ => Run("b"), CancellationToken.None));
        }

        // A is killed: it stops renewing without releasing. B polls every renew interval and takes over once it expired.
        var killedAt = Now;
        var tries = 0;
        while (!await b.TryRunAsync(_ => Run("b"), CancellationToken.None))
        {
            Clock.Advance(Settings.RenewInterval);
            Assert.True(++tries < 20, "B never took the lease over.");
        }

        Assert.InRange(Now - killedAt, Settings.Duration, Settings.Duration + Settings.RenewInterval);
        Assert.True(Now - killedAt <= 2 * Settings.Duration);
        Assert.Equal(7, runs.Count(r => r == "a"));
        Assert.Equal(["b"], runs.Skip(7));

        // A coming back (a paused process) finds the lease taken and does not run.
        Assert.False(await a.TryRunAsync(_ => Run("a"), CancellationToken.None));
        var row = await ReadAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "test-takeover"));
        Assert.Equal("instance-b", row.Holder);
        Assert.Equal(Now, row.AcquiredAt);
        Assert.Equal(Now + Settings.Duration, row.ExpiresAt);
        Assert.Equal(8, row.Runs);
        Assert.Equal(Now, row.LastRunAt);
    }

    [Fact]
    public async Task Of_many_instances_racing_for_a_free_lease_exactly_one_takes_it()
    {
        var now = Now;

        var taken = await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            Task.Run(() => Leases.TryTakeAsync("test-race", $"instance-{i}", now, runs: 1))));

        Assert.Single(taken, t => t);
        var row = await ReadAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "test-race"));
        Assert.Equal(1, row.Runs);
        Assert.Equal($"instance-{Array.IndexOf(taken, true) + 1}", row.Holder);
    }

    [Fact]
    public async Task An_expired_lease_raced_for_by_many_instances_goes_to_exactly_one()
    {
        Assert.True(await Leases.TryTakeAsync("test-expired-race", "instance-0", Now, runs: 0));
        Clock.Advance(Settings.Duration + TimeSpan.FromSeconds(1));
        var now = Now;

        var taken = await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            Task.Run(() => Leases.TryTakeAsync("test-expired-race", $"instance-{i}", now, runs: 1))));

        Assert.Single(taken, t => t);
        var row = await ReadAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "test-expired-race"));
        Assert.Equal(1, row.Runs);
        Assert.Equal(now, row.AcquiredAt);
    }

    [Fact]
    public async Task A_graceful_stop_releases_the_lease_and_the_next_instance_takes_it_at_once()
    {
        var a = Leases.For("test-release", "instance-a");
        var b = Leases.For("test-release", "instance-b");
        var ran = 0;

        // The worker's loop: one run, then the host stops.
        await a.RunAsync(ct => a.TryRunAsync(_ => { ran++; return Task.CompletedTask; }, ct), CancellationToken.None);

        Assert.Equal(1, ran);
        Assert.True(await b.TryRunAsync(_ => { ran++; return Task.CompletedTask; }, CancellationToken.None));
        var row = await ReadAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "test-release"));
        Assert.Equal("instance-b", row.Holder);
        Assert.Equal(2, row.Runs);
    }

    [Fact]
    public async Task Frequent_work_trusts_the_last_renewal_and_its_runs_are_counted_at_the_next()
    {
        var held = Leases.For("test-held", "instance-a");
        var ran = 0;
        Task Run(CancellationToken _) { ran++; return Task.CompletedTask; }
        Assert.False(await held.TryRunHeldAsync(Run, CancellationToken.None));

        Assert.True(await held.TryRunAsync(Run, CancellationToken.None));
        Assert.True(held.IsHeld);
        Assert.True(await held.TryRunHeldAsync(Run, CancellationToken.None));
        Assert.True(await held.TryRunHeldAsync(Run, CancellationToken.None));

        // Past the renewal's margin (one renew interval before expiry) the holder no longer trusts it.
        Clock.Advance(Settings.Duration - Settings.RenewInterval);
        Assert.False(await held.TryRunHeldAsync(Run, CancellationToken.None));

        await held.ReleaseAsync();
        Assert.Equal(3, ran);
        var row = await ReadAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "test-held"));
        Assert.Equal(3, row.Runs);
    }

    [Fact]
    public void The_expiry_interval_in_seconds_overrides_the_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new ExpiryJobOptions().Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), new ExpiryJobOptions { ExpiryIntervalSeconds = 2 }.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), new LeaseOptions().RenewInterval);
    }
}
