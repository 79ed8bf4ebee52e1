using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Catalog;
using Portal.Features.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The boundary as a person meets it: text no reader can trust is refused next to its field, in the user's language with
/// its code, and a refused form keeps what was typed — it never collapses.
/// </summary>
public sealed class FormBoundaryTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public FormBoundaryTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DealRegistrationService), typeof(DealQueries), typeof(PriceListService), typeof(ReferenceData), typeof(DealLifecycleService), typeof(DealReviewService), typeof(BusinessClock));
    }

    [Theory]
    [InlineData("广州\u0007科技有限公司", "INVALID_CHARACTER")]
    [InlineData("广州\u202E司公限有技科", "INVALID_CHARACTER")]
    [InlineData("广州科技\uFDD0有限公司", "INVALID_CHARACTER")]
    [InlineData("有限公司", "INVALID_VALUE")]
    [InlineData("   ", "REQUIRED")]
    public async Task A_customer_name_no_reader_can_trust_is_refused_next_to_it_and_kept_as_typed(string name, string code)
    {
        await SignInAsResellerAsync(_app, "T1-TIANHE");
        var before = await DealCountAsync();
        var form = Render<RegisterDeal>();
        form.WaitForElement("[data-testid='customer-name'] input, input[data-testid='customer-name']").Change(name);

        await form.Find("[data-testid='register-submit']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains($"({code})", FieldText(form, "customer-name"), StringComparison.Ordinal));
        Assert.Equal(name, form.Find("[data-testid='customer-name'] input, input[data-testid='customer-name']").GetAttribute("value"));
        Assert.Empty(form.FindAll("[data-testid='registration-result']"));
        Assert.Equal(before, await DealCountAsync());
    }

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("客户\u2066预算\u2069推迟", "INVALID_CHARACTER")]
    public async Task A_refused_extension_request_keeps_its_form_open_with_the_reason_next_to_the_field(string reason, string code)
    {
        await SignInAsResellerAsync(_app, "T1-TIANHE");
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        var deal = await _app.Service<DealQueries>().GetAsync(tianhe, 1);
        Assert.Equal(DealStatus.Approved, deal!.Status);
        var panel = Render<DealActionsPanel>(p => p
            .Add(x => x.Deal, deal)
            .Add(x => x.OnChanged, () => { })
            .Add(x => x.OnMessage, (_) => { }));
        await panel.Find("[data-action='RequestExtension']").ClickAsync(new());
        panel.Find("[data-testid='action-note'] textarea, textarea[data-testid='action-note']").Change(reason);

        await panel.Find("[data-testid='action-confirm']").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains($"({code})", NoteText(panel), StringComparison.Ordinal));
        Assert.Equal(reason, panel.Find("[data-testid='action-note'] textarea, textarea[data-testid='action-note']").GetAttribute("value") ?? panel.Find("textarea").TextContent);
        Assert.Equal(DealStatus.Approved, (await _app.Service<DealQueries>().GetAsync(tianhe, 1))!.Status);
    }

    private static string FieldText(IRenderedComponent<RegisterDeal> form, string testId) =>
        form.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;

    private static string NoteText(IRenderedComponent<DealActionsPanel> panel) =>
        panel.Find("[data-testid='action-note'] textarea, textarea[data-testid='action-note']").Closest(".mud-input-control")!.TextContent;

    private async Task<int> DealCountAsync()
    {
        await using var db = await _app.CreateContextAsync();
        return await db.Deals.CountAsync();
    }
}
