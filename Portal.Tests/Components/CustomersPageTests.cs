using Bunit;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Customers;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The customers grid, rendered with the real service on the demo database, for vendor staff and a reseller.</summary>
public sealed class CustomersPageTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public CustomersPageTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(CustomerDirectory), typeof(BusinessClock));
    }

    [Fact]
    public void A_channel_manager_starts_from_every_customer_and_can_narrow_to_protected_ones()
    {
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
        var page = Render<MyCustomers>();

        // DESIGN §6: seven customers, four of them protected.
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-customer]").Count));
        Assert.Equal(4, page.FindAll("[data-holder]").Count);
        Assert.Contains("渠道内的全部客户", page.Markup, StringComparison.Ordinal);

        page.FindComponents<MudBlazor.MudSwitch<bool>>()[0].Find("input").Change(true);

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-customer]").Count));
    }

    [Fact]
    public async Task A_reseller_sees_only_the_customers_its_subtree_protects()
    {
        await SignInAsResellerAsync(_app, "T1-TIANHE");
        var page = Render<MyCustomers>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-customer]")));
        Assert.All(page.FindAll("[data-holder]"), h => Assert.Equal("T1-TIANHE", h.GetAttribute("data-holder")));
        Assert.Equal(page.FindAll("[data-customer]").Count, page.FindAll("[data-holder]").Count);
    }
}
