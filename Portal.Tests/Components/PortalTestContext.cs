using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Policy;
using Portal.Features;
using Portal.Localization;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The shared bUnit setup: loose JS interop, MudBlazor's services, the portal's string table, and a chosen UI
/// culture (restored on dispose).
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _originalUiCulture = CultureInfo.CurrentUICulture;

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<PageFocus>();
        Services.AddPortalLocalization();

        // Pages show times through the business clock: China time, at the tests' fixed start.
        Services.AddSingleton(new BusinessClock(new FakeTimeProvider(TestTime.Start), ChannelPolicy.Default));
        UseCulture(PortalCultures.Chinese);
    }

    /// <summary>Signs the test in as the reseller of a demo agent, with the claims the portal gives its users.</summary>
    protected async Task SignInAsResellerAsync(PortalAppFactory app, string agentCode)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await app.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == agentCode);
        AddAuthorization()
            .SetAuthorized($"{agentCode.ToLowerInvariant()}@channels.local")
            .SetRoles(PortalRoles.Reseller)
            .SetClaims(
                new Claim(ClaimTypes.NameIdentifier, "user-" + agentCode),
                new Claim(PortalClaims.AgentId, agent.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(PortalClaims.AgentCode, agent.Code),
                new Claim(PortalClaims.AgentTier, agent.Tier.ToString()));
    }

    /// <summary>Renders with the real app's services: <paramref name="provider"/> is the app's root or a scope of it.</summary>
    protected void UseRealServices(IServiceProvider provider, params Type[] services)
    {
        ArgumentNullException.ThrowIfNull(provider);
        foreach (var service in services)
        {
            Services.AddSingleton(service, provider.GetRequiredService(service));
        }
    }

    /// <summary>
    /// Chooses <paramref name="codes"/> (province, then city, then district) in the page's region picker, each as its
    /// field does when Enter is pressed on a highlighted option.
    /// </summary>
    protected static async Task ChooseRegionAsync<TPage>(IRenderedComponent<TPage> page, params string[] codes)
        where TPage : class, IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(codes);
        var picker = page.FindComponent<RegionPicker>();
        for (var level = 0; level < codes.Length; level++)
        {
            var field = picker.FindComponents<MudAutocomplete<string>>()[level].Instance;
            var code = codes[level];
            await page.InvokeAsync(() => field.SelectOptionAsync(code));
        }
    }

    /// <summary>A sentence of the portal's resources in the current culture.</summary>
    protected string Localized(string key) => Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Localization.SharedResource>>()[key].Value;

    protected static void UseCulture(string name)
    {
        var culture = new CultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    private PortalAppFactory? _app;

    /// <summary>Each test starts from the demo data: the app behind the real services is reset before it.</summary>
    public Task InitializeAsync() => _app?.ResetAsync() ?? Task.CompletedTask;

    /// <summary>Renders with the real services of <paramref name="app"/> (singletons, as pages get them), reset before each test.</summary>
    protected void UseApp(PortalAppFactory app, params Type[] services)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        UseRealServices(app.Services, services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalUiCulture;
        await base.DisposeAsync();
    }
}
