using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Auth;
using Portal.Data;
using Portal.Tests.Builders;

using Portal.Tests.Contract;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on its own SQLite file in a temp folder: migrations applied and demo data seeded at start-up,
/// exactly as <c>dotnet run</c> does — on a clock that starts at <see cref="TestTime.Start"/> and moves only when a test
/// moves it. <see cref="ResetAsync"/> puts the database and the clock back as they were right after start-up, so a class
/// boots one portal and each of its tests starts from the demo data. A portal a browser drives gets a running clock
/// instead (<see cref="Running"/>): pages' debounced inputs need their timers to fire.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedFolder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TestClock _clock;
    private bool _seededKept;

    public PortalAppFactory()
        : this(null, null)
    {
    }

    /// <param name="dataDirectory">Share a data folder between factories (to boot the same database twice).</param>
    /// <param name="settings">Configuration for this portal beyond the tests' defaults.</param>
    /// <param name="runningClock">A clock that runs from <see cref="TestTime.Start"/> in real time, with real timers.</param>
    public PortalAppFactory(string? dataDirectory, IReadOnlyDictionary<string, string>? settings = null, bool runningClock = false)
    {
        _clock = new TestClock(runningClock);
        if (dataDirectory is null)
        {
            _ownedFolder = new TempDirectory();
            dataDirectory = _ownedFolder.Path;
        }

        DataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "channels.db");

    private string SeededFile => Path.Combine(DataDirectory, "channels.seeded.db");

    /// <summary>A portal for a browser: its clock runs from <see cref="TestTime.Start"/> in real time.</summary>
    public static PortalAppFactory Running() => new(null, null, runningClock: true);

    /// <summary>The portal's clock: it stands still until a test moves it (<c>Clock.Advance(…)</c>).</summary>
    public FakeTimeProvider Clock => _clock.Current ?? throw new InvalidOperationException("A running clock cannot be moved by hand.");

    /// <summary>Now on the portal's clock, as a UTC instant.</summary>
    public DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>An application service, as pages and endpoints get it (they are singletons).</summary>
    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A demo user (or any account) as the services see it.</summary>
    public Task<CurrentUser> UserAsync(string email) => TestUsers.ForAsync(this, email);

    /// <summary>A context over every record of this portal's database, to check what was stored.</summary>
    public async Task<PortalDbContext> CreateContextAsync() =>
        (await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync()).WithScope(DataScope.All);

    /// <summary>
    /// The database as it was right after start-up (migrated, demo data seeded) and the clock back at
    /// <see cref="TestTime.Start"/>. The first call starts the portal and keeps that state aside.
    /// </summary>
    public async Task ResetAsync()
    {
        _ = Services;
        _clock.Restart();
        if (!_seededKept)
        {
            await KeepSeededDatabaseAsync();
            _seededKept = true;
            return;
        }

        await RestoreSeededDatabaseAsync();
    }

    /// <summary>Sets the provider and where its database is (this portal's own SQLite file).</summary>
    protected virtual void UseDatabase(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
    }

    /// <summary>Keeps the database as it is right after start-up aside, for <see cref="RestoreSeededDatabaseAsync"/>.</summary>
    protected virtual async Task KeepSeededDatabaseAsync()
    {
        await using var live = Open(DatabaseFile);
        await using var copy = live.CreateCommand();
        copy.CommandText = "VACUUM INTO $path";
        copy.Parameters.AddWithValue("$path", SeededFile);
        await copy.ExecuteNonQueryAsync();
    }

    /// <summary>Puts the database back as <see cref="KeepSeededDatabaseAsync"/> kept it.</summary>
    protected virtual Task RestoreSeededDatabaseAsync()
    {
        using var source = Open(SeededFile);
        using var target = Open(DatabaseFile);
        source.BackupDatabase(target);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Development serves the static web assets (MudBlazor's CSS and JS) straight from the build output.
        builder.UseEnvironment(_settings.GetValueOrDefault("environment", "Development"));
        UseDatabase(builder);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Time-driven changes happen when a test runs the expiry job at an explicit instant, never in the background.
        builder.UseSetting("Operations:ExpiryJobEnabled", "false");
        builder.UseSetting("Mail:RunInBackground", "false");

        // One test client files many reports and checks many customers; the tests of the limits set their own.
        builder.UseSetting("Reports:PermitsPerMinute", "10000");
        builder.UseSetting("Availability:PermitsPerMinute", "10000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);

            // Every API answer of every test is held to the published contract.
            services.AddSingleton<IStartupFilter>(new ContractCheck(ContractDocument.Committed));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedFolder?.Dispose();
        }
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The clock the portal is given: a <see cref="FakeTimeProvider"/> at <see cref="TestTime.Start"/>, replaced by a fresh
    /// one when the portal is reset (a fake clock never runs backwards); or, for a browser, one that runs from
    /// <see cref="TestTime.Start"/> in real time with the system's timers. Its zone is UTC, as a server's may be: the
    /// channel's days come from the business calendar, never from the server's zone.
    /// </summary>
    private sealed class TestClock(bool running) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public FakeTimeProvider? Current { get; private set; } = running ? null : new(TestTime.Start);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override long TimestampFrequency => Current?.TimestampFrequency ?? System.TimestampFrequency;

        public void Restart() => Current = running ? null : new FakeTimeProvider(TestTime.Start);

        public override DateTimeOffset GetUtcNow() => Current?.GetUtcNow() ?? TestTime.Start + System.GetElapsedTime(_started);

        public override long GetTimestamp() => Current?.GetTimestamp() ?? System.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            (Current ?? System).CreateTimer(callback, state, dueTime, period);
    }
}
