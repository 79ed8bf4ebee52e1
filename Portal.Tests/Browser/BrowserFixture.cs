using Channels.Tools;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// One real portal on Kestrel (loopback, a free port, its own SQLite file) and one headless Chromium, shared by
/// the browser tests of a collection. Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalAppFactory App { get; } = PortalAppFactory.Running();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Headless Chromium (<c>CHROMIUM_PATH</c>, else Debian's), as every browser test runs it (and the benchmark's circuit figure).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => CircuitMemory.LaunchChromiumAsync(playwright);

    public Task<IPage> NewPageAsync(string locale = "zh-CN") => NewPageAsync(Browser, BaseAddress, locale);

    /// <summary>A page in a browser context of its own (no shared cookies) on <paramref name="baseAddress"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress, string locale)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
