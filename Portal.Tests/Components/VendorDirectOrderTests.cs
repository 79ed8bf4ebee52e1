using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Features.Customers;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The vendor-direct order form, rendered with the real service on a real database.</summary>
public sealed class VendorDirectOrderTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public VendorDirectOrderTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;

        UseApp(_app, typeof(VendorDirectSales));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Fact]
    public async Task A_direct_sale_to_a_customer_an_agent_protects_is_refused_with_the_reason()
    {
        var tianhesCustomer = await UsccOfCustomerProtectedByAsync("T1-TIANHE");
        var form = Render<VendorDirectOrder>();

        await RecordAsync(form, tianhesCustomer, "直销测试订单 A-1");

        var result = form.WaitForElement("[data-testid='vendor-direct-result']");
        Assert.Equal("Refused", result.GetAttribute("data-outcome"));
        Assert.Equal(
            "• 客户受代理商保护，厂商不得直接与其交易或结算。 (VENDOR_DIRECT_BLOCKED)",
            result.QuerySelector("[data-reason='VENDOR_DIRECT_BLOCKED']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_direct_sale_to_a_customer_nobody_protects_is_recorded()
    {
        var haidian = await UsccOfCustomerNamedAsync("北京海淀教育科技有限公司");
        var form = Render<VendorDirectOrder>();

        await RecordAsync(form, haidian, "直销测试订单 B-1");

        form.WaitForAssertion(() => Assert.Equal("Succeeded", form.Find("[data-testid='vendor-direct-result']").GetAttribute("data-outcome")));
        Assert.Contains($"已登记对 {haidian} 的直销", form.Find("[data-testid='vendor-direct-result']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_credit_code_is_explained_next_to_the_field()
    {
        var form = Render<VendorDirectOrder>();

        await RecordAsync(form, "91440300708461136U", null);

        form.WaitForAssertion(() => Assert.Contains("(INVALID_USCC)", FieldText(form, "vendor-direct-uscc"), StringComparison.Ordinal));
        Assert.Empty(form.FindAll("[data-testid='vendor-direct-result']"));
    }

    private static async Task RecordAsync(IRenderedComponent<VendorDirectOrder> form, string uscc, string? note)
    {
        form.Find("[data-testid='vendor-direct-uscc'] input, input[data-testid='vendor-direct-uscc']").Change(uscc);
        if (note is not null)
        {
            form.Find("[data-testid='vendor-direct-note'] textarea, textarea[data-testid='vendor-direct-note']").Change(note);
        }

        await form.Find("[data-testid='vendor-direct-submit']").ClickAsync(new());
    }

    private static string FieldText(IRenderedComponent<VendorDirectOrder> form, string testId) =>
        form.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;

    private async Task<string> UsccOfCustomerProtectedByAsync(string agentCode)
    {
        await using var db = await _app.CreateContextAsync();
        return await (from p in db.CustomerProtections
                      join a in db.Agents on p.AgentId equals a.Id
                      join c in db.Customers on p.CustomerId equals c.Id
                      where a.Code == agentCode && p.EndedAt == null
                      select c.Uscc).FirstAsync();
    }

    private async Task<string> UsccOfCustomerNamedAsync(string legalName)
    {
        await using var db = await _app.CreateContextAsync();
        return await db.Customers.Where(c => c.LegalName == legalName).Select(c => c.Uscc).SingleAsync();
    }
}
