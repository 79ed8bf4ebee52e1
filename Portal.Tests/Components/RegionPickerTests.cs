using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portal.Components.Common;
using Portal.Features;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The region picker driven by keyboard events, on the real region table.</summary>
public sealed class RegionPickerTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly List<string?> _raised = [];
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    public RegionPickerTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        UseApp(fixture.App, typeof(ReferenceData));
    }

    [Fact]
    public void Initials_and_enter_choose_province_city_and_district()
    {
        var picker = RenderPicker();

        TypeAndPressEnter(picker, "region-province", "gd", "广东省");
        TypeAndPressEnter(picker, "region-city", "gz", "广州市");
        TypeAndPressEnter(picker, "region-district", "th", "天河区");

        Assert.Equal([null, "440100", "440106"], _raised);
        Assert.Equal(["广东省", "广州市", "天河区"], Texts(picker));
    }

    [Fact]
    public void The_arrow_keys_move_through_the_filtered_list()
    {
        var picker = RenderPicker();
        var province = Field(picker, "region-province");
        province.Focus();
        province.Input("guang");
        picker.WaitForAssertion(() => Assert.Equal(["广东省", "广西壮族自治区"], Options()));
        picker.WaitForAssertion(() => Assert.Equal("广东省", Highlighted()));

        // The autocomplete answers a key asynchronously: wait for the highlight to move.
        province.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        picker.WaitForAssertion(() => Assert.Equal("广西壮族自治区", Highlighted()));
        province.KeyUp(new KeyboardEventArgs { Key = "Enter" });

        picker.WaitForAssertion(() => Assert.Equal("广西壮族自治区", Field(picker, "region-province").GetAttribute("value")));
        Assert.False(Field(picker, "region-city").HasAttribute("disabled"));
    }

    [Fact]
    public void A_value_fills_all_three_fields_in_the_ui_language()
    {
        var chinese = RenderPicker("440106");
        Assert.Equal(["广东省", "广州市", "天河区"], Texts(chinese));

        UseCulture(PortalCultures.English);
        var english = RenderPicker("440106");
        Assert.Equal(["Guangdong", "Guangzhou", "Tianhe District"], Texts(english));
    }

    [Fact]
    public void Choosing_another_province_clears_city_and_district()
    {
        var picker = RenderPicker("440106");

        TypeAndPressEnter(picker, "region-province", "gx", "广西壮族自治区");

        Assert.Equal([null], _raised);
        Assert.Equal(["广西壮族自治区", string.Empty, string.Empty], Texts(picker));
        Assert.True(Field(picker, "region-district").HasAttribute("disabled"));
    }

    [Fact]
    public void Deleting_the_district_leaves_the_city_as_the_value()
    {
        var picker = RenderPicker("440106");

        Field(picker, "region-district").Input(string.Empty);

        picker.WaitForAssertion(() => Assert.Equal(["440100"], _raised));
    }

    [Fact]
    public void The_district_is_disabled_for_a_city_without_districts()
    {
        var picker = RenderPicker("440200");

        Assert.Equal(["广东省", "韶关市", string.Empty], Texts(picker));
        Assert.True(Field(picker, "region-district").HasAttribute("disabled"));
    }

    [Fact]
    public void Each_field_is_a_combobox_named_by_its_label_and_the_error_shows_on_the_province()
    {
        var picker = RenderPicker(error: "请选择地区。 (REQUIRED)");

        string[] labels = ["省份", "城市", "区县（可选）"];
        string[] fields = ["region-province", "region-city", "region-district"];
        foreach (var (field, label) in fields.Zip(labels))
        {
            var input = Field(picker, field);
            Assert.Equal("combobox", input.GetAttribute("role"));
            Assert.Equal(label, picker.Find($"label[for='{input.Id}']").TextContent.Trim());
        }

        var province = picker.FindComponents<MudAutocomplete<string>>()[0];
        Assert.Contains("(REQUIRED)", province.Markup, StringComparison.Ordinal);
        Assert.Equal("true", Field(picker, "region-province").GetAttribute("aria-invalid"));
    }

    private IRenderedComponent<RegionPicker> RenderPicker(string? value = null, string? error = null)
    {
        _popovers ??= Render<MudPopoverProvider>();
        var picker = Render<RegionPicker>(p => p
            .Add(x => x.Value, value)
            .Add(x => x.Error, error)
            .Add(x => x.ValueChanged, code => _raised.Add(code)));
        picker.WaitForElement("input[data-testid='region-province']");
        return picker;
    }

    /// <summary>Focuses the field, types, waits for the option the list highlights, and presses Enter.</summary>
    private void TypeAndPressEnter(IRenderedComponent<RegionPicker> picker, string field, string typed, string option)
    {
        var input = Field(picker, field);
        input.Focus();
        input.Input(typed);
        picker.WaitForAssertion(() => Assert.Equal(option, Highlighted()));
        Field(picker, field).KeyUp(new KeyboardEventArgs { Key = "Enter" });
        picker.WaitForAssertion(() => Assert.Equal(option, Field(picker, field).GetAttribute("value")));
    }

    private static IElement Field(IRenderedComponent<RegionPicker> picker, string testId) =>
        picker.Find($"input[data-testid='{testId}']");

    private static List<string?> Texts(IRenderedComponent<RegionPicker> picker) =>
        [.. new[] { "region-province", "region-city", "region-district" }.Select(id => Field(picker, id).GetAttribute("value") ?? string.Empty)];

    private List<string> Options() =>
        [.. _popovers!.FindAll(".mud-popover-open .mud-list-item").Select(item => item.TextContent.Trim())];

    private string? Highlighted() =>
        _popovers!.FindAll(".mud-popover-open .mud-list-item[aria-selected='true']").SingleOrDefault()?.TextContent.Trim();
}
