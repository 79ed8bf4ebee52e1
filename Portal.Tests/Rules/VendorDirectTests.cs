using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Customers.VendorDirect;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Customer protection binds the vendor too: no direct sale or settlement with a protected customer.</summary>
public sealed class VendorDirectTests
{
    private static readonly DateTime Now = TestTime.Now;

    [Fact]
    public void The_vendor_may_sell_directly_to_a_customer_nobody_holds()
    {
        Assert.True(VendorDirectRule.Decide([], Now).IsAllowed);
    }

    [Theory]
    [InlineData(ProtectionBasis.Registration)]
    [InlineData(ProtectionBasis.Sale)]
    [InlineData(ProtectionBasis.Inherited)]
    public void The_vendor_may_not_sell_directly_to_a_customer_an_agent_holds(ProtectionBasis basis)
    {
        var protection = new ProtectionSnapshot(1, 500, 7, basis, Now.AddDays(-1), Now.AddDays(1));

        var decision = VendorDirectRule.Decide([protection], Now);

        Assert.Equal([new Reason(ReasonCode.VendorDirectBlocked, "customer.uscc")], decision.Reasons);
    }

    [Theory]
    [InlineData(-100, 0, null, true)] // lapses exactly now
    [InlineData(-100, -1, null, true)] // lapsed yesterday, not yet closed
    [InlineData(-10, 80, -2, true)] // released two days ago
    [InlineData(-10, 80, null, false)]
    [InlineData(0, 90, null, false)] // protected from this very instant
    public void Only_a_protection_in_force_blocks_the_vendor(int sinceDays, int untilDays, int? endedDays, bool allowed)
    {
        var protection = new ProtectionSnapshot(1, 500, 7, ProtectionBasis.Registration, Now.AddDays(sinceDays), Now.AddDays(untilDays), endedDays is { } e ? Now.AddDays(e) : null);

        Assert.Equal(allowed, VendorDirectRule.Decide([protection], Now).IsAllowed);
    }
}
