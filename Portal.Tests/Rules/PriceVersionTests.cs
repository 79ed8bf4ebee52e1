using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Pricing.Versions;
using Portal.Domain.Sales;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>
/// Price list versions (DESIGN.md §9): a version is the whole list, takes effect now or later, after every version
/// published before it, and is never edited; a deal takes the version in force when it is submitted — judged by the
/// instant, across the China business day; a retired product is not sold in new deals.
/// </summary>
public sealed class PriceVersionTests
{
    private static readonly DateTime Now = TestTime.Now;

    [Fact]
    public void A_whole_version_without_an_instant_takes_effect_when_published()
    {
        var request = PriceVersionBuilder.Valid(Now).Request();

        Assert.Equal(Now, request.EffectiveFrom);
        Assert.Equal(2080.00m, request.Prices["OIS-STD"]);
        Assert.Equal(0.20m, request.Discounts[AgentTier.Tier2]);
        Assert.Equal(4, request.Discounts.Count);
    }

    [Fact]
    public void A_version_names_every_product_on_sale_and_every_tier()
    {
        var errors = PriceVersionBuilder.Valid(Now).Without("OIS-PRO").WithoutDiscount(AgentTier.Tier2).Validate().Errors;

        Assert.Contains(new Reason(ReasonCode.Required, "prices[OIS-PRO]"), errors);
        Assert.Contains(new Reason(ReasonCode.Required, "discounts[Tier2]"), errors);
    }

    [Theory]
    [InlineData("OIS-XXX", 100.00, ReasonCode.UnknownProduct)]
    [InlineData("OIS-OLD", 100.00, ReasonCode.ProductRetired)]
    [InlineData("ois-std", 100.00, ReasonCode.InvalidValue)] // listed twice (SKUs compare case-insensitively)
    public void A_price_line_names_a_product_on_sale_once(string sku, decimal price, string code)
    {
        var errors = PriceVersionBuilder.Valid(Now).AlsoPrice(sku, price).Validate().Errors;

        Assert.Contains(errors, e => e.Code == code && e.Field == $"prices[{sku.ToUpperInvariant()}]");
    }

    [Theory]
    [InlineData(0.00)]
    [InlineData(-5.00)]
    [InlineData(12.345)]
    [InlineData(10000000.01)]
    public void A_uniform_price_is_positive_with_at_most_two_decimals(decimal price)
    {
        var errors = PriceVersionBuilder.Valid(Now).Price("OIS-STD", price).Validate().Errors;

        Assert.Equal([new Reason(ReasonCode.InvalidPrice, "prices[OIS-STD]")], errors);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.96)]
    [InlineData(0.12345)]
    public void A_discount_lies_between_none_and_ninety_five_percent_with_four_decimals(decimal rate)
    {
        var errors = PriceVersionBuilder.Valid(Now).Discount(AgentTier.Tier2, rate).Validate().Errors;

        Assert.Contains(new Reason(ReasonCode.InvalidValue, "discounts[Tier2]"), errors);
    }

    [Fact]
    public void A_lower_tier_never_buys_cheaper_than_the_tier_above_it()
    {
        var errors = PriceVersionBuilder.Valid(Now).Discount(AgentTier.Tier1, 0.45m).Validate().Errors;

        // Tier-1 at 45 % would buy cheaper than Core at 40 %: refused on Tier-1, naming Core.
        Assert.Equal([new Reason(ReasonCode.DiscountsOutOfOrder, "discounts[Tier1]", nameof(AgentTier.Core))], errors);
    }

    [Fact]
    public void A_version_cannot_take_effect_in_the_past()
    {
        var errors = PriceVersionBuilder.Valid(Now).From(Now.AddMinutes(-1)).Validate().Errors;

        Assert.Equal([new Reason(ReasonCode.InvalidDate, PriceVersionFields.EffectiveFrom)], errors);
    }

    [Fact]
    public void A_version_takes_effect_after_every_version_already_published()
    {
        var scheduled = Now.AddDays(30);
        var request = PriceVersionBuilder.Valid(Now).From(Now.AddDays(10)).Request();

        Assert.Equal([ReasonCode.VersionNotAfterLatest], PriceVersionRules.Decide(request, scheduled).Codes);
        Assert.True(PriceVersionRules.Decide(request, Now.AddDays(-100)).IsAllowed);
        Assert.True(PriceVersionRules.Decide(request, null).IsAllowed);
    }

    [Fact]
    public void A_version_is_scheduled_then_in_force_then_superseded()
    {
        var version = new PriceListVersion(2, Now.AddDays(1), null, Now, "manager@channels.local");

        Assert.Equal(PriceVersionState.Scheduled, version.StateAt(Now, null));
        Assert.Equal(PriceVersionState.InForce, version.StateAt(Now.AddDays(1), null));
        Assert.Equal(PriceVersionState.InForce, version.StateAt(Now.AddDays(5), Now.AddDays(6)));
        Assert.Equal(PriceVersionState.Superseded, version.StateAt(Now.AddDays(6), Now.AddDays(6)));
    }

    [Theory]
    [InlineData(-1, 1980.00, 1188.00)] // submitted one tick before midnight in Beijing: the old version
    [InlineData(0, 2080.00, 1352.00)] // from midnight: the new price and the new Core discount (35 %)
    public void A_registration_takes_the_version_in_force_at_its_submission_across_the_china_day(long ticksFromMidnight, decimal uniform, decimal purchase)
    {
        // Version from 2027-01-01 00:00 in Beijing, which is 2026-12-31 16:00 UTC.
        var midnight = TestTime.Calendar.InstantOf(new DateOnly(2027, 1, 1), TimeOnly.MinValue);
        Assert.Equal(TestTime.Utc(2026, 12, 31, 16), midnight);
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2080.00m, midnight).Discount(AgentTier.Core, 0.35m, midnight).Build();

        var at = midnight.AddTicks(ticksFromMidnight);
        var decision = RegistrationBuilder.ForCoreGz().Prices(prices).At(at).Line("OIS-STD", 1, uniform).Decide();
        var other = RegistrationBuilder.ForCoreGz().Prices(prices).At(at).Line("OIS-STD", 1, uniform == 1980.00m ? 2080.00m : 1980.00m).Decide();

        Assert.True(decision.IsApproved);
        Assert.Equal(purchase, Assert.Single(decision.Lines).PurchasePrice);
        Assert.True(other.Has(ReasonCode.PriceNotUniform));
    }

    [Fact]
    public void A_retired_product_is_refused_for_new_deals_but_its_sales_are_still_facts()
    {
        var prices = PriceListBuilder.Demo().Retired("OIS-ENT").Build();
        var input = new DealRegistrationInput(
            new CustomerInput(CustomerBuilder.UsccIn("440106").Value, "广州停售测试有限公司", "440106", "Household"),
            [new LineInput("OIS-ENT", 1, 9800m)],
            TestTime.Today);

        var registration = DealRegistrationValidator.Validate(input, prices, _ => true, Now, TestTime.Calendar);
        var sale = SalesReportValidator.Validate(new SalesReportInput([new LineInput("OIS-ENT", 1, 9800m)], TestTime.Today), prices, TestTime.Today.AddDays(-10), Now, TestTime.Calendar);

        Assert.Equal([new Reason(ReasonCode.ProductRetired, InputField.LineSku(0))], registration.Errors);
        Assert.True(sale.IsValid);
    }
}
