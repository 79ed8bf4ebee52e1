using Portal.Domain.Common;
using Portal.Features;
using Portal.Features.Customers;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public sealed class VendorDirectSaleTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private VendorDirectSales Sales => Service<VendorDirectSales>();

    [Fact]
    public async Task A_direct_sale_to_a_protected_demo_customer_is_blocked_and_the_attempt_audited()
    {
        var result = await Sales.RecordDirectSaleAsync(await UserAsync(Manager), Sale(CustomerUscc("天河软件园")));

        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal(new Reason(ReasonCode.VendorDirectBlocked, InputField.CustomerUscc), Assert.Single(result.Reasons));
        var entry = (await AuditAsync())[^1];
        Assert.Equal(("VendorDirectSaleBlocked", ReasonCode.VendorDirectBlocked), (entry.Action, entry.ReasonCodes));
    }

    [Fact]
    public async Task A_direct_sale_to_a_free_customer_is_recorded_as_an_audit_entry()
    {
        var uscc = CustomerUscc("天河家居");

        var result = await Sales.RecordDirectSaleAsync(await UserAsync(Manager), Sale(uscc));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(await CustomerIdAsync("天河家居"), result.Value.CustomerId);
        var entry = (await AuditAsync())[^1];
        Assert.Equal((result.Value.AuditSequence, "VendorDirectSale", "Customer", uscc), (entry.Sequence, entry.Action, entry.EntityType, entry.EntityId));
        Assert.Contains("ERP-2026-0001", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protection_that_has_lapsed_no_longer_blocks_the_vendor()
    {
        Clock.Advance(TimeSpan.FromDays(81));

        var result = await Sales.RecordDirectSaleAsync(await UserAsync(Manager), Sale(CustomerUscc("天河软件园")));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task A_company_not_on_file_has_no_protection_and_a_malformed_USCC_is_invalid()
    {
        var manager = await UserAsync(Manager);

        var unknown = await Sales.RecordDirectSaleAsync(manager, Sale(Domain.Customers.Uscc.Create('9', '1', "440106", "MA5XYW01").Value));
        var malformed = await Sales.RecordDirectSaleAsync(manager, Sale("91440300708461136U"));

        Assert.True(unknown.Succeeded, unknown.ToString());
        Assert.Null(unknown.Value.CustomerId);
        Assert.Equal(UseCaseOutcome.Invalid, malformed.Outcome);
        Assert.Equal([ReasonCode.InvalidUscc], malformed.Codes);
    }

    [Fact]
    public async Task Only_a_channel_manager_records_direct_sales()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Sales.RecordDirectSaleAsync(await UserAsync(Gz), Sale(CustomerUscc("天河家居"))));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Sales.RecordDirectSaleAsync(await UserAsync(Compliance), Sale(CustomerUscc("天河家居"))));
    }

    private static VendorDirectSaleInput Sale(string uscc) => new() { CustomerUscc = uscc, Note = "ERP-2026-0001 企业版 10 席位" };
}
