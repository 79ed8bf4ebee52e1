using System.Globalization;
using Bunit;
using MudBlazor.Services;
using Portal.Localization;

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
        Services.AddPortalLocalization();
        UseCulture(PortalCultures.Chinese);
    }

    protected static void UseCulture(string name)
    {
        var culture = new CultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalUiCulture;
        await base.DisposeAsync();
    }
}
