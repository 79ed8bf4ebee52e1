using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Regions;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>
/// Invalid input versus a rule's refusal (DESIGN.md §7): input that can never be right is a 400 with field errors,
/// never a Rejected registration.
/// </summary>
public sealed class RegistrationValidationTests
{
    private static readonly DateTime Now = TestTime.Now;
    private static readonly HashSet<string> RegionTable = ["440000", "440100", "440104", "440106", "440300", "440305"];

    private static readonly DealRegistrationInput ValidInput = new(
        new CustomerInput(CustomerBuilder.UsccIn("440106").Value, "广州天河家居服务有限公司", "440106", "Household"),
        [new LineInput("OIS-STD", 10, 1980.00m)],
        TestTime.Today.AddDays(30));

    [Fact]
    public void A_well_formed_registration_becomes_a_request_for_the_rules()
    {
        var input = ValidInput with
        {
            Customer = ValidInput.Customer! with { Uscc = " " + CustomerBuilder.UsccIn("440106").Value.ToLowerInvariant() + " ", Name = "  广州天河家居服务有限公司 ", Segment = "household" },
            Lines = [new LineInput(" ois-std ", 10.0m, 1980m)],
        };

        var result = Validate(input);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(CustomerBuilder.UsccIn("440106"), result.Value.Customer.Uscc);
        Assert.Equal("广州天河家居服务有限公司", result.Value.Customer.LegalName);
        Assert.Equal("广州天河家居服务", result.Value.Customer.NormalizedName);
        Assert.Equal(RegionCode.Parse("440100"), result.Value.Customer.City);
        Assert.Equal(CustomerSegment.Household, result.Value.Customer.Segment);
        Assert.Equal([new RequestedLine("OIS-STD", 10, 1980.00m)], result.Value.Lines);
    }

    [Theory]
    [InlineData("no customer", "customer", ReasonCode.Required)]
    [InlineData("no USCC", "customer.uscc", ReasonCode.Required)]
    [InlineData("USCC failing its check character", "customer.uscc", ReasonCode.InvalidUscc)]
    [InlineData("USCC of 17 characters", "customer.uscc", ReasonCode.InvalidUscc)]
    [InlineData("blank name", "customer.name", ReasonCode.Required)]
    [InlineData("name of 201 characters", "customer.name", ReasonCode.TooLong)]
    [InlineData("name of punctuation only", "customer.name", ReasonCode.InvalidValue)]
    [InlineData("no region", "customer.regionCode", ReasonCode.Required)]
    [InlineData("region of four digits", "customer.regionCode", ReasonCode.InvalidRegion)]
    [InlineData("region not in the table", "customer.regionCode", ReasonCode.InvalidRegion)]
    [InlineData("a whole province as region", "customer.regionCode", ReasonCode.InvalidRegion)]
    [InlineData("no segment", "customer.segment", ReasonCode.Required)]
    [InlineData("unknown segment", "customer.segment", ReasonCode.InvalidValue)]
    [InlineData("segment as a number", "customer.segment", ReasonCode.InvalidValue)]
    [InlineData("no lines", "lines", ReasonCode.Required)]
    [InlineData("empty lines", "lines", ReasonCode.Required)]
    [InlineData("101 lines", "lines", ReasonCode.TooLong)]
    [InlineData("a null line", "lines[0]", ReasonCode.Required)]
    [InlineData("no SKU", "lines[0].sku", ReasonCode.Required)]
    [InlineData("unknown SKU", "lines[0].sku", ReasonCode.UnknownProduct)]
    [InlineData("SKU priced only from tomorrow", "lines[0].sku", ReasonCode.UnknownProduct)]
    [InlineData("no quantity", "lines[0].quantity", ReasonCode.Required)]
    [InlineData("quantity zero", "lines[0].quantity", ReasonCode.InvalidQuantity)]
    [InlineData("negative quantity", "lines[0].quantity", ReasonCode.InvalidQuantity)]
    [InlineData("fractional quantity", "lines[0].quantity", ReasonCode.InvalidQuantity)]
    [InlineData("quantity beyond a whole number's range", "lines[0].quantity", ReasonCode.InvalidQuantity)]
    [InlineData("no unit price", "lines[0].unitPrice", ReasonCode.Required)]
    [InlineData("negative unit price", "lines[0].unitPrice", ReasonCode.InvalidPrice)]
    [InlineData("unit price in tenths of a fen", "lines[0].unitPrice", ReasonCode.InvalidPrice)]
    [InlineData("no expected close date", "expectedCloseDate", ReasonCode.Required)]
    [InlineData("expected close date yesterday", "expectedCloseDate", ReasonCode.InvalidDate)]
    public void Input_that_can_never_be_right_is_a_field_error(string mistake, string field, string code)
    {
        var result = Validate(Mistake(mistake));

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([new Reason(code, field)], result.Errors);
    }

    [Theory]
    [InlineData("name of 200 characters")]
    [InlineData("unit price zero")]
    [InlineData("expected close date today")]
    [InlineData("region of a city")]
    public void Input_at_the_edge_of_validity_is_accepted(string edge)
    {
        Assert.True(Validate(Edge(edge)).IsValid);
    }

    [Fact]
    public void A_request_without_a_body_lacks_every_required_part()
    {
        var result = DealRegistrationValidator.Validate(null, PriceListBuilder.Demo().Build(), _ => true, Now, TestTime.Calendar);

        Assert.Equal(["customer", "lines", "expectedCloseDate"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_field_error_is_reported_at_once_and_grouped_by_field()
    {
        var input = new DealRegistrationInput(
            new CustomerInput("91440106MA5C01050X", "", "4401", "Household"),
            [new LineInput("OIS-XXX", 1, 1980m), new LineInput("OIS-STD", 2.5m, -1m)],
            null);

        var result = Validate(input);

        Assert.Equal(
            [
                new Reason(ReasonCode.InvalidUscc, "customer.uscc"),
                new Reason(ReasonCode.Required, "customer.name"),
                new Reason(ReasonCode.InvalidRegion, "customer.regionCode"),
                new Reason(ReasonCode.UnknownProduct, "lines[0].sku"),
                new Reason(ReasonCode.InvalidQuantity, "lines[1].quantity"),
                new Reason(ReasonCode.InvalidPrice, "lines[1].unitPrice"),
                new Reason(ReasonCode.Required, "expectedCloseDate"),
            ],
            result.Errors);
        Assert.Equal(7, result.Errors.Select(e => e.Field).Distinct().Count());
    }

    [Fact]
    public void A_discounted_quote_outside_the_territory_is_valid_input_for_the_rules_to_refuse()
    {
        var input = ValidInput with
        {
            Customer = ValidInput.Customer! with { RegionCode = "440305", Uscc = CustomerBuilder.UsccIn("440305").Value },
            Lines = [new LineInput("OIS-STD", 10, 1.00m)],
        };

        Assert.True(Validate(input).IsValid);
    }

    private static Validated<RegistrationRequest> Validate(DealRegistrationInput input) =>
        DealRegistrationValidator.Validate(
            input,
            PriceListBuilder.Demo().Price("OIS-NEW", 100m, Now.AddDays(1)).Build(),
            r => RegionTable.Contains(r.Value),
            Now,
            TestTime.Calendar);

    private static DealRegistrationInput Mistake(string mistake)
    {
        var customer = ValidInput.Customer!;
        var line = ValidInput.Lines![0]!;
        return mistake switch
        {
            "no customer" => ValidInput with { Customer = null },
            "no USCC" => WithCustomer(customer with { Uscc = null }),
            "USCC failing its check character" => WithCustomer(customer with { Uscc = "91440300708461136U" }),
            "USCC of 17 characters" => WithCustomer(customer with { Uscc = "91440300708461136" }),
            "blank name" => WithCustomer(customer with { Name = "   " }),
            "name of 201 characters" => WithCustomer(customer with { Name = new string('广', 201) }),
            "name of punctuation only" => WithCustomer(customer with { Name = "（——）" }),
            "no region" => WithCustomer(customer with { RegionCode = null }),
            "region of four digits" => WithCustomer(customer with { RegionCode = "4401" }),
            "region not in the table" => WithCustomer(customer with { RegionCode = "449999" }),
            "a whole province as region" => WithCustomer(customer with { RegionCode = "440000" }),
            "no segment" => WithCustomer(customer with { Segment = null }),
            "unknown segment" => WithCustomer(customer with { Segment = "Retail" }),
            "segment as a number" => WithCustomer(customer with { Segment = "1" }),
            "no lines" => ValidInput with { Lines = null },
            "empty lines" => ValidInput with { Lines = [] },
            "101 lines" => ValidInput with { Lines = Enumerable.Repeat(line, 101).ToList() },
            "a null line" => ValidInput with { Lines = [null] },
            "no SKU" => WithLine(line with { Sku = " " }),
            "unknown SKU" => WithLine(line with { Sku = "OIS-XXX" }),
            "SKU priced only from tomorrow" => WithLine(line with { Sku = "OIS-NEW" }),
            "no quantity" => WithLine(line with { Quantity = null }),
            "quantity zero" => WithLine(line with { Quantity = 0 }),
            "negative quantity" => WithLine(line with { Quantity = -3 }),
            "fractional quantity" => WithLine(line with { Quantity = 2.5m }),
            "quantity beyond a whole number's range" => WithLine(line with { Quantity = 3_000_000_000m }),
            "no unit price" => WithLine(line with { UnitPrice = null }),
            "negative unit price" => WithLine(line with { UnitPrice = -0.01m }),
            "unit price in tenths of a fen" => WithLine(line with { UnitPrice = 1980.001m }),
            "no expected close date" => ValidInput with { ExpectedCloseDate = null },
            "expected close date yesterday" => ValidInput with { ExpectedCloseDate = TestTime.Today.AddDays(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
        };
    }

    private static DealRegistrationInput Edge(string edge) => edge switch
    {
        "name of 200 characters" => WithCustomer(ValidInput.Customer! with { Name = new string('广', 200) }),
        "unit price zero" => WithLine(ValidInput.Lines![0]! with { UnitPrice = 0m }),
        "expected close date today" => ValidInput with { ExpectedCloseDate = TestTime.Today },
        "region of a city" => WithCustomer(ValidInput.Customer! with { RegionCode = "440100" }),
        _ => throw new ArgumentOutOfRangeException(nameof(edge), edge, null),
    };

    private static DealRegistrationInput WithCustomer(CustomerInput customer) => ValidInput with { Customer = customer };

    private static DealRegistrationInput WithLine(LineInput line) => ValidInput with { Lines = [line] };
}
