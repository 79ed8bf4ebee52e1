using Portal.Domain.Agents;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Pricing;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Purchase price = uniform price × (1 − tier discount), from the versions in force at an instant.</summary>
public sealed class PricingTests
{
    private static readonly DateTime Now = TestTime.Now;
    private static readonly DateTime July = TestTime.Utc(2026, 7, 1);

    [Theory]
    [InlineData(1980.00, 0.50, 990.00)]
    [InlineData(1980.00, 0.40, 1188.00)]
    [InlineData(1980.00, 0.30, 1386.00)]
    [InlineData(1980.00, 0.20, 1584.00)]
    [InlineData(3980.00, 0.50, 1990.00)]
    [InlineData(3980.00, 0.40, 2388.00)]
    [InlineData(3980.00, 0.30, 2786.00)]
    [InlineData(3980.00, 0.20, 3184.00)]
    [InlineData(9800.00, 0.50, 4900.00)]
    [InlineData(9800.00, 0.20, 7840.00)]
    [InlineData(1980.00, 0.00, 1980.00)]
    [InlineData(19.99, 0.30, 13.99)] // 13.993
    [InlineData(0.05, 0.30, 0.04)] // 0.035: half a fen rounds away from zero
    [InlineData(0.01, 0.50, 0.01)] // 0.005
    [InlineData(1234.57, 0.35, 802.47)] // 802.4705
    [InlineData(99.99, 0.125, 87.49)] // 87.49125
    [InlineData(33.33, 0.3333, 22.22)] // 22.221111
    [InlineData(0.00, 0.40, 0.00)]
    public void The_purchase_price_is_the_uniform_price_less_the_tier_discount_rounded_to_the_fen(decimal uniform, decimal rate, decimal expected)
    {
        var price = PurchasePrice.Of(uniform, rate);

        Assert.Equal(expected, price);
        Assert.Equal(Money.Round(price), price);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.00)]
    [InlineData(1.50)]
    public void A_discount_rate_outside_zero_to_one_is_refused(decimal rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PurchasePrice.Of(1980m, rate));
    }

    [Theory]
    [InlineData(AgentTier.Strategic, "OIS-STD", 990.00)]
    [InlineData(AgentTier.Core, "OIS-STD", 1188.00)]
    [InlineData(AgentTier.Tier1, "OIS-STD", 1386.00)]
    [InlineData(AgentTier.Tier2, "OIS-STD", 1584.00)]
    [InlineData(AgentTier.Strategic, "OIS-PRO", 1990.00)]
    [InlineData(AgentTier.Core, "OIS-PRO", 2388.00)]
    [InlineData(AgentTier.Tier1, "OIS-PRO", 2786.00)]
    [InlineData(AgentTier.Tier2, "OIS-PRO", 3184.00)]
    [InlineData(AgentTier.Strategic, "OIS-ENT", 4900.00)]
    [InlineData(AgentTier.Core, "OIS-ENT", 5880.00)]
    [InlineData(AgentTier.Tier1, "OIS-ENT", 6860.00)]
    [InlineData(AgentTier.Tier2, "OIS-ENT", 7840.00)]
    public void Each_tier_buys_the_demo_products_at_its_own_discount(AgentTier tier, string sku, decimal purchasePrice)
    {
        var quote = PriceListBuilder.Demo().Build().QuoteAt(sku, tier, Now);

        Assert.NotNull(quote);
        Assert.Equal(purchasePrice, quote.PurchasePrice);
        Assert.Equal(tier, quote.Tier);
    }

    /// <summary>OIS-STD goes from 1980.00 to 2180.00 on 1 July 2026 00:00 UTC.</summary>
    [Theory]
    [InlineData(-1, 1980.00)] // one tick before
    [InlineData(0, 2180.00)] // at EffectiveFrom
    [InlineData(1, 2180.00)] // one tick after
    [InlineData(864_000_000_000, 2180.00)] // a day after
    public void The_uniform_price_in_force_changes_exactly_at_EffectiveFrom(long ticksFromChange, decimal uniform)
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2180.00m, July).Build();

        Assert.Equal(uniform, prices.UniformPriceAt("OIS-STD", July.AddTicks(ticksFromChange)));
    }

    [Fact]
    public void Before_its_first_version_a_product_has_no_price()
    {
        var prices = PriceListBuilder.Demo().Build();

        Assert.Null(prices.UniformPriceAt("OIS-STD", TestTime.PriceListStart.AddTicks(-1)));
        Assert.Null(prices.QuoteAt("OIS-STD", AgentTier.Core, TestTime.PriceListStart.AddTicks(-1)));
        Assert.Equal(1980.00m, prices.UniformPriceAt("OIS-STD", TestTime.PriceListStart));
    }

    /// <summary>Tier-1 goes from 30 % to 35 % on 1 July 2026 while the uniform price stays 1980.00.</summary>
    [Theory]
    [InlineData(-1, 0.30, 1386.00)]
    [InlineData(0, 0.35, 1287.00)]
    [InlineData(1, 0.35, 1287.00)]
    public void Tier_discounts_are_versioned_by_EffectiveFrom_too(long ticksFromChange, decimal rate, decimal purchasePrice)
    {
        var prices = PriceListBuilder.Demo().Discount(AgentTier.Tier1, 0.35m, July).Build();

        var quote = prices.QuoteAt("OIS-STD", AgentTier.Tier1, July.AddTicks(ticksFromChange));

        Assert.Equal(rate, quote!.DiscountRate);
        Assert.Equal(purchasePrice, quote.PurchasePrice);
    }

    [Fact]
    public void A_quote_uses_the_price_and_the_discount_in_force_at_the_same_instant()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-PRO", 4180.00m, July).Discount(AgentTier.Core, 0.45m, July.AddDays(1)).Build();

        Assert.Equal(2388.00m, prices.QuoteAt("OIS-PRO", AgentTier.Core, July.AddTicks(-1))!.PurchasePrice); // 3980 × 0.6
        Assert.Equal(2508.00m, prices.QuoteAt("OIS-PRO", AgentTier.Core, July)!.PurchasePrice); // 4180 × 0.6
        Assert.Equal(2299.00m, prices.QuoteAt("OIS-PRO", AgentTier.Core, July.AddDays(1))!.PurchasePrice); // 4180 × 0.55
    }

    /// <summary>A deal uses the version in force when it is submitted.</summary>
    [Theory]
    [InlineData(-1, 1980.00, true)]
    [InlineData(-1, 2180.00, false)]
    [InlineData(0, 1980.00, false)]
    [InlineData(0, 2180.00, true)]
    [InlineData(1, 2180.00, true)]
    public void A_registration_is_judged_against_the_price_in_force_at_submission(long ticksFromChange, decimal quoted, bool approved)
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2180.00m, July).Build();

        var decision = RegistrationBuilder.ForCoreGz().Prices(prices).At(July.AddTicks(ticksFromChange)).Line("OIS-STD", 1, quoted).Decide();

        Assert.Equal(approved, decision.IsApproved);
        Assert.Equal(!approved, decision.Has(ReasonCode.PriceNotUniform));
    }

    [Fact]
    public void A_registration_keeps_the_purchase_price_of_its_submission()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2180.00m, July).Build();

        var before = RegistrationBuilder.ForCoreGz().Prices(prices).At(July.AddTicks(-1)).Decide();
        var after = RegistrationBuilder.ForCoreGz().Prices(prices).At(July).Line("OIS-STD", 10, 2180.00m).Decide();

        Assert.Equal(1188.00m, Assert.Single(before.Lines).PurchasePrice);
        Assert.Equal(1308.00m, Assert.Single(after.Lines).PurchasePrice);
    }

    [Theory]
    [InlineData("2026-06-29", 1980.00)]
    [InlineData("2026-06-30", 1880.00)] // the price drops at noon in Beijing: the lower one of the day
    [InlineData("2026-07-01", 1880.00)]
    public void On_a_sale_date_the_lowest_uniform_price_of_that_day_applies(string day, decimal lowest)
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 1880.00m, TestTime.Utc(2026, 6, 30, 4)).Build();

        Assert.Equal(lowest, prices.LowestUniformPriceOn("OIS-STD", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Sale_dates_are_days_in_China_a_price_dropping_at_midnight_in_Beijing_belongs_to_the_next_day()
    {
        // 16:00 UTC on June 30 is 00:00 on July 1 in Beijing: June 30 (China) never saw the lower price.
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 1880.00m, TestTime.Utc(2026, 6, 30, 16)).Build();

        Assert.Equal(1980.00m, prices.LowestUniformPriceOn("OIS-STD", new DateOnly(2026, 6, 30)));
        Assert.Equal(1880.00m, prices.LowestUniformPriceOn("OIS-STD", new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void On_the_day_a_price_rises_the_old_lower_price_still_applies()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2180.00m, TestTime.Utc(2026, 6, 30, 16)).Build();

        Assert.Equal(1980.00m, prices.LowestUniformPriceOn("OIS-STD", new DateOnly(2026, 6, 30)));
        Assert.Equal(2180.00m, prices.LowestUniformPriceOn("OIS-STD", new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void A_product_first_priced_during_the_day_has_that_price_on_that_day()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-NEW", 500.00m, TestTime.Utc(2026, 6, 30, 9)).Build();

        Assert.Null(prices.LowestUniformPriceOn("OIS-NEW", new DateOnly(2026, 6, 29)));
        Assert.Equal(500.00m, prices.LowestUniformPriceOn("OIS-NEW", new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void SKUs_compare_without_regard_to_case_or_surrounding_blanks()
    {
        var prices = PriceListBuilder.Demo().Build();

        Assert.Equal(1980.00m, prices.UniformPriceAt(" ois-std ", Now));
        Assert.Equal("OIS-STD", prices.CanonicalSku("ois-std"));
        Assert.Equal("OIS-STD", prices.QuoteAt("Ois-Std", AgentTier.Core, Now)!.Sku);
        Assert.Null(prices.CanonicalSku("OIS-XXX"));
    }

    [Fact]
    public void A_price_list_without_a_discount_for_the_tier_is_a_configuration_error()
    {
        var prices = PriceListBuilder.Empty().Price("OIS-STD", 1980m).Discount(AgentTier.Core, 0.4m).Build();

        Assert.Throws<InvalidOperationException>(() => prices.QuoteAt("OIS-STD", AgentTier.Tier1, Now));
    }

    [Fact]
    public void The_price_list_reads_the_catalogue_entities()
    {
        var product = new Product("ois-std", "OIS 标准版", "OIS Standard", "席位·年", "seat-year");
        product.SetUniformPrice(1980.00m, TestTime.PriceListStart);
        product.SetUniformPrice(2180.00m, July);
        TierDiscount[] discounts = [new(AgentTier.Tier1, 0.30m, TestTime.PriceListStart)];

        var prices = PriceList.From([product], discounts);

        Assert.Equal(1386.00m, prices.QuoteAt("OIS-STD", AgentTier.Tier1, Now)!.PurchasePrice);
        Assert.Equal(1526.00m, prices.QuoteAt("OIS-STD", AgentTier.Tier1, July)!.PurchasePrice);
        Assert.Equal(product.PriceAt(Now)!.UniformPrice, prices.UniformPriceAt("OIS-STD", Now));
    }
}
