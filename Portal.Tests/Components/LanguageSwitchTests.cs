using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Layout;
using Portal.Localization;

namespace Portal.Tests.Components;

public sealed class LanguageSwitchTests : PortalTestContext
{
    [Theory]
    [InlineData(PortalCultures.English)]
    [InlineData(PortalCultures.Chinese)]
    public async Task Choosing_a_language_reloads_the_page_through_the_culture_endpoint(string culture)
    {
        var popovers = Render<MudPopoverProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/prices");
        var languageSwitch = Render<LanguageSwitch>();

        await languageSwitch.Find("button").ClickAsync(new());
        // Menu items render in the popover layer, not inside the switch.
        var item = popovers.WaitForElement($"[data-culture='{culture}']");
        await item.ClickAsync(new());

        Assert.EndsWith($"/culture?culture={culture}&returnUrl=%2Fprices", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sign_in_page_links_offer_both_languages_and_mark_the_current_one()
    {
        UseCulture(PortalCultures.English);

        var links = Render<LanguageLinks>();

        Assert.Equal(["zh-CN", "en"], links.FindAll("a").Select(a => a.GetAttribute("data-culture")));
        Assert.Contains("current", links.Find("a[data-culture='en']").ClassList);
        Assert.DoesNotContain("current", links.Find("a[data-culture='zh-CN']").ClassList);
    }
}
