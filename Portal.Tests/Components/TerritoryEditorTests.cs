using Bunit;
using Portal.Components.Common;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The territory editor shared by recruitment, signing and the agent's page: regions added with the picker (once
/// each), removed from their chips, and a refused entry's reason shown beside that entry in the reader's language.
/// </summary>
public sealed class TerritoryEditorTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private int _changes;

    public TerritoryEditorTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        UseApp(fixture.App, typeof(ReferenceData));
    }

    [Fact]
    public async Task A_region_is_added_once_and_removed_from_its_chip()
    {
        var territory = new List<string>();
        var editor = Render(territory, FormMessages.None);

        await ChooseRegionAsync(editor, "440000", "440100", "440106");
        editor.Find("[data-testid='territory-add']").Click();
        await ChooseRegionAsync(editor, "440000", "440100", "440106");
        editor.Find("[data-testid='territory-add']").Click();

        Assert.Equal(["440106"], territory);
        editor.WaitForAssertion(() => Assert.Contains("天河区", editor.Find("[data-territory='440106']").TextContent, StringComparison.Ordinal));

        editor.Find("[data-territory='440106'] .mud-chip-close-button").Click();

        Assert.Empty(territory);
        Assert.Equal(3, _changes);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese)]
    [InlineData(PortalCultures.English)]
    public void A_refused_entry_says_why_beside_it_and_names_the_parent(string culture)
    {
        UseCulture(culture);
        var territory = new List<string> { "440106", "110101" };
        var messages = FormMessages.Of([new Reason(ReasonCode.TerritoryNotWithinParent, InputField.TerritoryEntry(1), "CORE-GZ")], Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>(), FormMessages.EveryField);

        var editor = Render(territory, messages);

        var error = editor.Find("[data-territory='110101'] [data-field-error='territory[1]']").TextContent;
        Assert.Contains("CORE-GZ", error, StringComparison.Ordinal);
        Assert.Contains("(TERRITORY_NOT_WITHIN_PARENT)", error, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[data-territory='440106'] [data-field-error]"));
    }

    private IRenderedComponent<TerritoryEditor> Render(List<string> territory, FormMessages messages)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<TerritoryEditor>(p => p
            .Add(c => c.Territory, territory)
            .Add(c => c.Messages, messages)
            .Add(c => c.OnChanged, () => _changes++));
    }
}
