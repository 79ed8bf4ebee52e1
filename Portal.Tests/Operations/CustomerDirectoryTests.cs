using Portal.Components.Common;
using Portal.Domain.Customers;
using Portal.Features;
using Portal.Features.Customers;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public sealed class CustomerDirectoryTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly PageRequest FirstPage = new(0, 50, null, false);

    private CustomerDirectory Directory => Service<CustomerDirectory>();

    [Theory]
    [InlineData(South, new[] { "T1-TIANHE", "T2-YUEXIU", "CORE-GZ" })]
    [InlineData(Gz, new[] { "T1-TIANHE", "T2-YUEXIU", "CORE-GZ" })]
    [InlineData(Tianhe, new[] { "T1-TIANHE" })]
    [InlineData(Sz, new[] { "CORE-SZ" })]
    [InlineData(Sh, new string[0])]
    public async Task A_reseller_lists_the_customers_its_subtree_holds_with_the_holder(string reader, string[] holders)
    {
        var page = await Directory.ListAsync(await UserAsync(reader), new CustomerFilter(), FirstPage);

        Assert.Equal(holders.Order(), page.Items.Select(c => c.HolderCode!).Order());
        Assert.All(page.Items, c => Assert.Equal(TestTime.Today.AddDays(80), c.ProtectedUntil));
        Assert.All(page.Items, c => Assert.Equal(ProtectionBasis.Registration, c.Basis));
    }

    [Fact]
    public async Task Customers_expiring_within_a_number_of_days_are_listed_soonest_first()
    {
        var gz = await UserAsync(Gz);

        var within79 = await Directory.ListAsync(gz, new CustomerFilter(ExpiringWithinDays: 79), FirstPage);
        var within80 = await Directory.ListAsync(gz, new CustomerFilter(ExpiringWithinDays: 80), new PageRequest(0, 2, null, false));

        Assert.Empty(within79.Items);
        Assert.Equal(3, within80.TotalCount);
        Assert.Equal(2, within80.Items.Count);
    }

    [Fact]
    public async Task A_lapsed_protection_shows_no_holder_and_vendor_staff_see_every_customer()
    {
        // The demo registrations protect to the end of their ninetieth day, in China.
        Clock.SetUtcNow(TestTime.Calendar.EndOfDay(TestTime.Today.AddDays(80)));

        var forGz = await Directory.ListAsync(await UserAsync(Gz), new CustomerFilter(), FirstPage);
        var protectedForGz = await Directory.ListAsync(await UserAsync(Gz), new CustomerFilter(ProtectedOnly: true), FirstPage);
        var forManager = await Directory.ListAsync(await UserAsync(Manager), new CustomerFilter(Search: "广州"), FirstPage);

        Assert.Equal(3, forGz.TotalCount);
        Assert.All(forGz.Items, c => Assert.Null(c.HolderCode));
        Assert.Empty(protectedForGz.Items);
        Assert.Equal(4, forManager.TotalCount);
    }

    [Fact]
    public async Task An_admin_has_no_customer_directory()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Directory.ListAsync(await UserAsync("admin@channels.local"), new CustomerFilter(), FirstPage));
    }
}
