using System.Globalization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Data.Seed;

namespace Channels.Tools;

/// <summary>A role's dashboard measured for memory: who signs in to see it.</summary>
public sealed record CircuitAccount(string Role, string Email);

/// <summary>
/// Managed memory per idle circuit on one role's dashboard: the slope between <see cref="First"/> and
/// <see cref="Circuits"/> open circuits (ΔGC.GetTotalMemory ÷ Δcircuits, after full compacting collections).
/// </summary>
public sealed record CircuitMemoryResult(string Role, int First, int Circuits, long BytesAtFirst, long BytesAtLast, int CircuitsSeen)
{
    public double KilobytesPerCircuit => (BytesAtLast - BytesAtFirst) / 1024.0 / (Circuits - First);
}

/// <summary>
/// Counts the Blazor circuits the portal opens and still holds (connected or not). Registered by the tool host only
/// (<see cref="ToolHost"/>), so that the circuit figure can tell that the browser really reached the portal.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;
    private int _opened;

    /// <summary>Circuits open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Circuits opened since the portal started.</summary>
    public int Opened => Volatile.Read(ref _opened);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>bench --circuits</c> and <c>circuits</c>: opens the role's dashboard in headless Chromium (the browser tests'
/// one, driven by Playwright) in <c>first</c> and then <c>circuits</c> separate browser contexts, each signed in with the
/// same stored cookie; once every page shows its dashboard, connected and idle, it forces full compacting collections
/// in the portal's process (this one) and reads the managed heap. The slope between the two counts is what one more
/// idle circuit costs (ADR 42); what is shared (caches, compiled queries, the browser client) falls out of it.
/// </summary>
public static class CircuitMemory
{
    /// <summary>The demo users whose dashboards the issue names: a manager, a strategic partner's reseller, compliance, admin.</summary>
    public static IReadOnlyList<CircuitAccount> DemoAccounts { get; } =
    [
        new(PortalRoles.ChannelManager, "manager@channels.local"),
        new(PartnerRole, "south@channels.local"),
        new(PortalRoles.Compliance, "compliance@channels.local"),
        new(PortalRoles.Admin, "admin@channels.local"),
    ];

    /// <summary>Issue 15: managed memory per idle circuit on each role's dashboard.</summary>
    public const double TargetKilobytes = 300;

    /// <summary>The role named for a strategic partner's reseller in the figures.</summary>
    public const string PartnerRole = "Reseller (strategic partner)";

    /// <summary>
    /// The same roles on a synthetic channel: its manager and compliance officer, a reseller account for a strategic
    /// partner (<paramref name="partner"/>) and an administrator; the accounts the synthetic data lacks are created.
    /// </summary>
    public static async Task<IReadOnlyList<CircuitAccount>> SyntheticAccountsAsync(IServiceProvider services, CurrentUser partner)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(partner);
        const string Admin = "admin@bench.local";
        await ApiBenchmark.CreateAccountsAsync(services, [partner]).ConfigureAwait(false);
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await users.FindByEmailAsync(Admin).ConfigureAwait(false) is null)
            {
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                await ToolAccounts.CreateAsync(users, Admin, "系统管理员（基准）", PortalRoles.Admin, null, now).ConfigureAwait(false);
            }
        }

        return
        [
            new(PortalRoles.ChannelManager, SyntheticSeeder.ManagerEmail),
            new(PartnerRole, partner.Email),
            new(PortalRoles.Compliance, SyntheticSeeder.ComplianceEmail),
            new(PortalRoles.Admin, Admin),
        ];
    }

    public static async Task<IReadOnlyList<CircuitMemoryResult>> MeasureAsync(
        WebApplication app, Uri address, IReadOnlyList<CircuitAccount> accounts, int first, int circuits, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(circuits, first);
        var counter = app.Services.GetRequiredService<CircuitCounter>();
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var browser = await LaunchChromiumAsync(playwright).ConfigureAwait(false);
        await using (browser.ConfigureAwait(false))
        {
            // Each role's dashboard once before anything is read: what the first render of a page fills once per
            // process (compiled code, caches, pooled buffers) is not what a circuit holds.
            var states = new List<string>();
            foreach (var account in accounts)
            {
                var state = await SignInAsync(browser, address, account.Email).ConfigureAwait(false);
                states.Add(state);
                var warm = new List<IBrowserContext>();
                await OpenDashboardsAsync(browser, address, state, 2, warm).ConfigureAwait(false);
                await CloseAsync(warm, counter).ConfigureAwait(false);
            }

            var results = new List<CircuitMemoryResult>();
            foreach (var (account, state) in accounts.Zip(states))
            {
                var pages = new List<IBrowserContext>();
                try
                {
                    var openedBefore = counter.Opened;
                    await OpenDashboardsAsync(browser, address, state, first, pages).ConfigureAwait(false);
                    var atFirst = ManagedBytesAfterFullCollection();
                    await OpenDashboardsAsync(browser, address, state, circuits - first, pages).ConfigureAwait(false);
                    var atLast = ManagedBytesAfterFullCollection();
                    var result = new CircuitMemoryResult(account.Role, first, circuits, atFirst, atLast, counter.Opened - openedBefore);
                    results.Add(result);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  circuits, {account.Role}: {result.KilobytesPerCircuit:0} KB per idle circuit ({first} → {circuits}, {result.CircuitsSeen} circuits opened)")).ConfigureAwait(false);
                }
                finally
                {
                    await CloseAsync(pages, counter).ConfigureAwait(false);
                }
            }

            return results;
        }
    }

    /// <summary>Issue 15's target, met by the role whose idle circuit holds the most; none when nothing was measured.</summary>
    public static IEnumerable<TargetResult> Targets(IReadOnlyList<CircuitMemoryResult> circuits)
    {
        ArgumentNullException.ThrowIfNull(circuits);
        if (circuits.Count == 0)
        {
            return [];
        }

        var most = circuits.Max(c => c.KilobytesPerCircuit);
        return [new TargetResult("managed memory per idle circuit", most, TargetKilobytes, "KB", most <= TargetKilobytes)];
    }

    /// <summary>Headless Chromium (<c>CHROMIUM_PATH</c>, else Debian's), as every browser test runs it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Full blocking, compacting collections with the finalizers run between them; the managed heap after.</summary>
    public static long ManagedBytesAfterFullCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Signs in once through the login form; the cookie is what every context of the role starts with.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, Uri address, string email)
    {
        var context = await NewContextAsync(browser, address, null).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var page = await context.NewPageAsync().ConfigureAwait(false);
            await page.GotoAsync("/account/login").ConfigureAwait(false);
            await page.FillAsync("#email", email).ConfigureAwait(false);
            await page.FillAsync("#password", DemoData.Password).ConfigureAwait(false);
            await page.ClickAsync("[data-testid='signin-submit']").ConfigureAwait(false);
            await page.Locator("[data-testid='dashboard']").WaitForAsync().ConfigureAwait(false);
            return await context.StorageStateAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens <paramref name="count"/> dashboards, each in a context of its own, and waits until each is connected and idle.</summary>
    private static async Task OpenDashboardsAsync(IBrowser browser, Uri address, string state, int count, List<IBrowserContext> contexts)
    {
        for (var i = 0; i < count; i++)
        {
            var context = await NewContextAsync(browser, address, state).ConfigureAwait(false);
            contexts.Add(context);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            await page.GotoAsync("/").ConfigureAwait(false);
            await page.Locator("[data-testid='dashboard']").WaitForAsync().ConfigureAwait(false);
            await page.Locator("[data-interactive='true']").WaitForAsync().ConfigureAwait(false);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle).ConfigureAwait(false);
        }
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri address, string? state)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            StorageState = state,
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>
    /// Leaves each page for a blank one (on unload the portal's script tells the server to end the circuit) and closes
    /// its context; then waits, a bounded time, until the portal holds no circuits, so
    /// that the circuits left behind by one role are not counted, or dropped, while the next one is measured.
    /// </summary>
    private static async Task CloseAsync(List<IBrowserContext> contexts, CircuitCounter counter)
    {
        foreach (var context in contexts)
        {
            foreach (var page in context.Pages.ToList())
            {
                await page.GotoAsync("about:blank").ConfigureAwait(false);
            }

            await context.DisposeAsync().ConfigureAwait(false);
        }

        for (var wait = 0; wait < 100 && counter.Open > 0; wait++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }
    }
}
