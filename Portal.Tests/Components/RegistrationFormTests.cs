using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Catalog;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The registration form and the deal actions, rendered with the real services on a real database.</summary>
public sealed class RegistrationFormTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public RegistrationFormTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DealRegistrationService), typeof(DealQueries), typeof(PriceListService), typeof(ReferenceData), typeof(DealLifecycleService), typeof(DealReviewService));
    }

    [Fact]
    public async Task The_unit_price_is_the_uniform_price_and_cannot_be_edited()
    {
        await SignInAsync("T2-YUEXIU");

        var form = Render<RegisterDeal>();

        var price = form.WaitForElement("[data-testid='line-unit-price'] input, input[data-testid='line-unit-price']");
        Assert.True(price.HasAttribute("readonly"));
        Assert.Equal("¥9,800.00", price.GetAttribute("value")); // OIS-ENT, first on the price list
        form.WaitForAssertion(() => Assert.Equal("¥7,840.00", form.Find("[data-testid='line-purchase']").TextContent.Trim())); // Tier-2: 20 % off
    }

    [Fact]
    public async Task A_mistyped_credit_code_is_explained_as_it_is_typed()
    {
        await SignInAsync("T2-YUEXIU");
        var form = Render<RegisterDeal>();

        form.WaitForElement("[data-testid='uscc'] input, input[data-testid='uscc']").Input("91440300708461136U");

        form.WaitForAssertion(() => Assert.Contains("最后一位校验码不正确", form.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rules_reasons_land_next_to_the_fields_they_concern()
    {
        await SignInAsync("T2-YUEXIU");
        var tianhesCustomer = await TianhesCustomerUsccAsync();
        var form = Render<RegisterDeal>();
        form.WaitForElement("[data-testid='uscc'] input, input[data-testid='uscc']").Input(tianhesCustomer);
        form.Find("[data-testid='customer-name'] input, input[data-testid='customer-name']").Change("广州天河软件园科技有限公司");
        await ChooseRegionAsync(form, "440000", "440100", "440106");

        await form.Find("[data-testid='register-submit']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Rejected", form.Find("[data-testid='registration-result']").GetAttribute("data-status")));
        Assert.Contains("该客户已受其他代理商保护。 (CUSTOMER_PROTECTED)", FieldText(form, "uscc"), StringComparison.Ordinal);
        Assert.Contains("(OUT_OF_TERRITORY)", form.Find(".region-picker").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(CUSTOMER_PROTECTED)", FieldText(form, "customer-name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_named_next_to_each_field_and_nothing_is_registered()
    {
        await SignInAsync("T2-YUEXIU");
        var form = Render<RegisterDeal>();
        form.WaitForElement("[data-testid='register-submit']");

        await form.Find("[data-testid='register-submit']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("(REQUIRED)", FieldText(form, "customer-name"), StringComparison.Ordinal));
        Assert.Empty(form.FindAll("[data-testid='registration-result']"));
        form.WaitForAssertion(() => JSInterop.VerifyInvoke("portalFocus.firstError"));
    }

    [Fact]
    public async Task A_registration_that_passes_puts_focus_on_its_announced_outcome()
    {
        await SignInAsync("T1-TIANHE");
        var form = Render<RegisterDeal>();
        form.WaitForElement("[data-testid='register-submit']");
        form.Find("[data-testid='uscc'] input, input[data-testid='uscc']").Input(DealInputs.NewUscc("440106", 611));
        form.Find("[data-testid='customer-name'] input, input[data-testid='customer-name']").Change("广州焦点结果科技有限公司");
        await ChooseRegionAsync(form, "440000", "440100", "440106");

        await form.Find("[data-testid='register-submit']").ClickAsync(new());

        var outcome = form.WaitForElement("[data-testid='registration-result']");
        Assert.Equal("status", outcome.GetAttribute("role"));
        form.WaitForAssertion(() => Assert.Equal("[data-testid='registration-result']", JSInterop.VerifyInvoke("portalFocus.selector").Arguments[0]));
    }

    /// <summary>The text of a MudBlazor field (label, value, helper and error) by the test id on its input.</summary>
    private static string FieldText(IRenderedComponent<RegisterDeal> form, string testId) =>
        form.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public void A_disabled_action_says_which_rule_holds_it_back()
    {
        var deal = new DealDetail(
            7, DealStatus.Approved, "T1-TIANHE", "天河一级代理",
            new DealCustomer(1, "91440106MA5C01019L", "广州某科技有限公司", "440106", "天河区", "Tianhe District", Portal.Domain.Customers.CustomerSegment.GovernmentEnterprise),
            [new DealLineView("OIS-PRO", 10, 3980m, 3980m, 2786m)], [], new DateOnly(2026, 12, 31), TestTime.Now, TestTime.Now, TestTime.Today.AddDays(60), true, "已申请", null, [],
            [
                new ActionAvailability<DealAction>(DealAction.ReportSale, true, []),
                new ActionAvailability<DealAction>(DealAction.RequestExtension, true, [DealGuardKeys.ExtensionNotYetUsed]),
            ],
            []);
        AddAuthorization().SetAuthorized("tianhe@channels.local").SetRoles(PortalRoles.Reseller);

        var panel = Render<DealActionsPanel>(p => p
            .Add(x => x.Deal, deal)
            .Add(x => x.OnChanged, () => { })
            .Add(x => x.OnMessage, (_) => { }));

        Assert.True(panel.Find("[data-action='RequestExtension']").HasAttribute("disabled"));
        Assert.False(panel.Find("[data-action='ReportSale']").HasAttribute("disabled"));
        Assert.Equal("每个报备仅可申请一次延期，本报备已申请过。", panel.Find("[data-guard='ExtensionNotYetUsed']").TextContent.Trim());
    }

    private Task SignInAsync(string agentCode) => SignInAsResellerAsync(_app, agentCode);

    private async Task<string> TianhesCustomerUsccAsync()
    {
        await using var db = await _app.CreateContextAsync();
        return await (from p in db.CustomerProtections
                      join a in db.Agents on p.AgentId equals a.Id
                      join c in db.Customers on p.CustomerId equals c.Id
                      where a.Code == "T1-TIANHE" && p.EndedAt == null
                      select c.Uscc).FirstAsync();
    }
}
