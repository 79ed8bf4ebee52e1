using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Domain.Policy;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;
using Portal.Domain.Sales;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Sales reports are facts: recorded as reported, then judged (discount selling, cross-region) and protective.</summary>
public sealed class SalesReportTests
{
    private static readonly DateTime Now = TestTime.Now;
    private static readonly DateOnly SoldOn = new(2026, 5, 20);

    // The deal the reports are about was registered before any sale they report.
    private static readonly DateOnly RegisteredOn = new(2026, 1, 1);

    [Fact]
    public void A_sale_at_the_uniform_price_in_the_territory_opens_no_case_and_protects_the_customer_for_12_months()
    {
        var evaluation = Evaluate(Report(("OIS-STD", 10, 1980.00m), ("OIS-PRO", 2, 3980.00m)));

        Assert.Empty(evaluation.CasesToOpen);
        Assert.Equal(TestTime.Calendar.EndOfDay(new DateOnly(2027, 5, 20)), evaluation.ProtectedUntil);
        Assert.Equal([new SoldLine("OIS-STD", 10, 1980.00m, 1980.00m), new SoldLine("OIS-PRO", 2, 3980.00m, 3980.00m)], evaluation.Lines);
    }

    [Fact]
    public void Lines_below_the_uniform_price_open_one_discount_selling_case_that_lists_them()
    {
        var agent = DemoAgents.T1Tianhe();

        var evaluation = Evaluate(Report(("OIS-STD", 10, 1600.00m), ("OIS-PRO", 2, 3980.00m), ("OIS-ENT", 1, 9000.00m)), agent);

        var openCase = Assert.IsType<CaseToOpen>(evaluation.DiscountSellingCase);
        Assert.Equal(ViolationType.DiscountSelling, openCase.Type);
        Assert.Equal(agent.Id, openCase.SubjectAgentId);
        Assert.Equal(
            [new PriceDeviation(0, "OIS-STD", 10, 1600.00m, 1980.00m), new PriceDeviation(2, "OIS-ENT", 1, 9000.00m, 9800.00m)],
            openCase.Lines);
        Assert.Null(evaluation.CrossRegionCase);
    }

    [Theory]
    [InlineData(1979.99, true)]
    [InlineData(0.00, true)]
    [InlineData(1980.00, false)]
    [InlineData(2500.00, false)] // above the uniform price is not discount selling
    public void Only_a_price_below_the_uniform_price_is_discount_selling(decimal unitPrice, bool opensCase)
    {
        var evaluation = Evaluate(Report(("OIS-STD", 1, unitPrice)));

        Assert.Equal(opensCase, evaluation.DiscountSellingCase is not null);
    }

    [Fact]
    public void Every_line_is_recorded_as_reported_whatever_it_reveals()
    {
        var evaluation = Evaluate(Report(("OIS-STD", 3, 0.00m), ("OIS-PRO", 1, 100.00m)), customerRegion: "110108");

        Assert.Equal([3, 1], evaluation.Lines.Select(l => l.Quantity));
        Assert.Equal([0.00m, 100.00m], evaluation.Lines.Select(l => l.UnitPrice));
        Assert.Equal(2, evaluation.CasesToOpen.Count());
        Assert.NotNull(evaluation.ProtectedUntil);
    }

    [Fact]
    public void A_sale_on_the_day_the_price_dropped_is_judged_against_the_lower_price()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 1780.00m, TestTime.Utc(2026, 5, 20, 6)).Build();

        var evaluation = Evaluate(Report(("OIS-STD", 5, 1780.00m)), prices: prices);

        Assert.Null(evaluation.DiscountSellingCase);
        Assert.Equal(1780.00m, Assert.Single(evaluation.Lines).UniformPrice);
    }

    [Fact]
    public void A_sale_before_a_price_rise_is_judged_against_the_price_of_its_day()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 2180.00m, TestTime.Utc(2026, 5, 21)).Build();

        Assert.Null(Evaluate(Report(("OIS-STD", 5, 1980.00m)), prices: prices).DiscountSellingCase);
    }

    [Fact]
    public void A_sale_outside_the_territory_without_authorization_opens_a_cross_region_case()
    {
        var agent = DemoAgents.CoreGz();

        var evaluation = Evaluate(Report(("OIS-STD", 10, 1980.00m)), agent, customerRegion: "440305");

        var openCase = Assert.IsType<CaseToOpen>(evaluation.CrossRegionCase);
        Assert.Equal(ViolationType.CrossRegion, openCase.Type);
        Assert.Equal(agent.Id, openCase.SubjectAgentId);
        Assert.Equal(RegionCode.Parse("440305"), openCase.Region);
        Assert.Empty(openCase.Lines);
    }

    [Theory]
    [InlineData(AuthorizationStatus.Approved, "2026-05-01", "2026-05-31", false)]
    [InlineData(AuthorizationStatus.Approved, "2026-05-20", "2026-05-20", false)] // valid on the sale date only
    [InlineData(AuthorizationStatus.Approved, "2026-04-01", "2026-05-19", true)] // lapsed the day before the sale
    [InlineData(AuthorizationStatus.Approved, "2026-05-21", "2026-06-30", true)] // granted after the sale
    [InlineData(AuthorizationStatus.Revoked, "2026-05-01", "2026-05-31", true)]
    [InlineData(AuthorizationStatus.Requested, "2026-05-01", "2026-05-31", true)]
    public void An_authorization_valid_on_the_sale_date_covers_a_sale_outside_the_territory(AuthorizationStatus status, string from, string until, bool opensCase)
    {
        var agent = DemoAgents.CoreGz();
        var authorization = new AuthorizationSnapshot(1, agent.Id, RegionCode.Parse("440300"), null, Day(from), Day(until), status);

        var evaluation = Evaluate(Report(("OIS-STD", 10, 1980.00m)), agent, customerRegion: "440305", authorizations: [authorization]);

        Assert.Equal(opensCase, evaluation.CrossRegionCase is not null);
    }

    [Fact]
    public void A_discounted_sale_outside_the_territory_opens_both_cases()
    {
        var evaluation = Evaluate(Report(("OIS-STD", 10, 1500.00m)), customerRegion: "440305");

        Assert.Equal([ViolationType.DiscountSelling, ViolationType.CrossRegion], evaluation.CasesToOpen.Select(c => c.Type));
    }

    [Theory]
    [InlineData(12, "2027-05-20")]
    [InlineData(6, "2026-11-20")]
    [InlineData(24, "2028-05-20")]
    public void The_customer_stays_protected_AfterSaleMonths_after_the_sale(int months, string until)
    {
        var evaluation = Evaluate(Report(("OIS-STD", 1, 1980.00m)), policy: new ChannelPolicy { Protection = new ProtectionOptions { AfterSaleMonths = months } });

        // To the end of that day in China: 16:00 UTC.
        Assert.Equal(Day(until).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), evaluation.ProtectedUntil);
    }

    [Fact]
    public void A_sale_reported_after_its_protection_would_have_ended_protects_nothing()
    {
        var prices = PriceListBuilder.Demo().Price("OIS-STD", 1980.00m, TestTime.Utc(2025, 1, 1)).Build();
        var report = new SalesReportRequest([new RequestedLine("OIS-STD", 1, 1980.00m)], new DateOnly(2025, 5, 31));

        var evaluation = Evaluate(report, prices: prices);

        Assert.Null(evaluation.ProtectedUntil);
        Assert.Single(evaluation.Lines);
    }

    [Fact]
    public void A_well_formed_report_is_valid_even_when_it_reveals_a_violation()
    {
        var result = Validate(new SalesReportInput([new LineInput("ois-std", 10, 0.00m)], SoldOn));

        Assert.True(result.IsValid);
        Assert.Equal([new RequestedLine("OIS-STD", 10, 0.00m)], result.Value.Lines);
    }

    [Theory]
    [InlineData("no sale date", "soldOn", ReasonCode.Required)]
    [InlineData("sale tomorrow", "soldOn", ReasonCode.InvalidDate)]
    [InlineData("sale before the registration", "soldOn", ReasonCode.InvalidDate)]
    [InlineData("no lines", "lines", ReasonCode.Required)]
    [InlineData("unknown SKU", "lines[0].sku", ReasonCode.UnknownProduct)]
    [InlineData("product not yet priced on the sale date", "lines[0].sku", ReasonCode.UnknownProduct)]
    [InlineData("fractional quantity", "lines[0].quantity", ReasonCode.InvalidQuantity)]
    [InlineData("negative price", "lines[0].unitPrice", ReasonCode.InvalidPrice)]
    public void A_report_that_cannot_be_a_fact_is_a_field_error(string mistake, string field, string code)
    {
        var input = mistake switch
        {
            "no sale date" => new SalesReportInput([new LineInput("OIS-STD", 1, 1980m)], null),
            "sale tomorrow" => new SalesReportInput([new LineInput("OIS-STD", 1, 1980m)], TestTime.Today.AddDays(1)),
            "sale before the registration" => new SalesReportInput([new LineInput("OIS-STD", 1, 1980m)], RegisteredOn.AddDays(-1)),
            "no lines" => new SalesReportInput([], SoldOn),
            "unknown SKU" => new SalesReportInput([new LineInput("OIS-XXX", 1, 1980m)], SoldOn),
            "product not yet priced on the sale date" => new SalesReportInput([new LineInput("OIS-NEW", 1, 100m)], SoldOn),
            "fractional quantity" => new SalesReportInput([new LineInput("OIS-STD", 0.5m, 1980m)], SoldOn),
            "negative price" => new SalesReportInput([new LineInput("OIS-STD", 1, -1m)], SoldOn),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
        };

        Assert.Equal([new Reason(code, field)], Validate(input).Errors);
    }

    [Fact]
    public void A_sale_made_today_is_valid()
    {
        Assert.True(Validate(new SalesReportInput([new LineInput("OIS-STD", 1, 1980m)], TestTime.Today)).IsValid);
    }

    private static Validated<SalesReportRequest> Validate(SalesReportInput input) =>
        SalesReportValidator.Validate(input, PriceListBuilder.Demo().Price("OIS-NEW", 100m, TestTime.Utc(2026, 5, 21)).Build(), RegisteredOn, Now, TestTime.Calendar);

    private static SalesReportRequest Report(params (string Sku, int Quantity, decimal UnitPrice)[] lines) =>
        new(lines.Select(l => new RequestedLine(l.Sku, l.Quantity, l.UnitPrice)).ToList(), SoldOn);

    private static SalesEvaluation Evaluate(
        SalesReportRequest report,
        AgentSnapshot? agent = null,
        string customerRegion = "440106",
        IReadOnlyList<AuthorizationSnapshot>? authorizations = null,
        PriceList? prices = null,
        ChannelPolicy? policy = null)
    {
        var context = new SaleContext(agent ?? DemoAgents.CoreGz(), 500, RegionCode.Parse(customerRegion), authorizations ?? [], prices ?? PriceListBuilder.Demo().Build());
        return SalesReportRules.Evaluate(report, context, policy ?? ChannelPolicy.Default, Now);
    }

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
