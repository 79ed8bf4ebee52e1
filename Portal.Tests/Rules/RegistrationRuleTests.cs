using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Deal registration (DESIGN.md §4): each rule on its own, one circumstance at a time.</summary>
public sealed class RegistrationRuleTests
{
    private static readonly DateTime Now = TestTime.Now;

    [Fact]
    public void A_registration_that_breaks_no_rule_is_approved_and_protects_the_customer_for_90_days()
    {
        var decision = RegistrationBuilder.ForCoreGz().Decide();

        Assert.Equal(RegistrationOutcome.Approved, decision.Outcome);
        Assert.Empty(decision.Reasons);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(Now).AddDays(90)), decision.ProtectedUntil);
        Assert.Empty(decision.PriceDeviations);
        Assert.Null(decision.DiscountSellingCase);
    }

    [Fact]
    public void The_protection_period_follows_the_RegistrationDays_setting()
    {
        var decision = RegistrationBuilder.ForCoreGz().Policy(p => p.Protection.RegistrationDays = 45).Decide();

        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(Now).AddDays(45)), decision.ProtectedUntil);
    }

    /// <summary>Each refusing circumstance alone: the registration is Rejected with exactly that reason, on that field.</summary>
    [Theory]
    [InlineData("agent suspended", ReasonCode.AgentNotActive, null)]
    [InlineData("customer outside the territory", ReasonCode.OutOfTerritory, "customer.regionCode")]
    [InlineData("quote below the uniform price", ReasonCode.PriceNotUniform, "lines[0].unitPrice")]
    [InlineData("quote above the uniform price", ReasonCode.PriceNotUniform, "lines[0].unitPrice")]
    [InlineData("customer protected by another agent", ReasonCode.CustomerProtected, "customer.uscc")]
    [InlineData("100 open registrations", ReasonCode.RegistrationCapReached, null)]
    [InlineData("registration let expire 10 days ago", ReasonCode.CooldownActive, "customer.uscc")]
    [InlineData("product not yet priced at submission", ReasonCode.UnknownProduct, "lines[0].sku")]
    public void A_registration_breaking_one_rule_is_rejected_with_that_reason(string circumstance, string code, string? field)
    {
        var decision = Scenario(circumstance).Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(code, reason.Code);
        Assert.Equal(field, reason.Field);
        Assert.Null(decision.ProtectedUntil);
    }

    [Theory]
    [InlineData(ContractStatus.Applied)]
    [InlineData(ContractStatus.UnderReview)]
    [InlineData(ContractStatus.Rejected)]
    [InlineData(ContractStatus.Suspended)]
    [InlineData(ContractStatus.Expired)]
    [InlineData(ContractStatus.Revoked)]
    [InlineData(ContractStatus.Terminated)]
    public void Only_an_active_agent_may_register(ContractStatus status)
    {
        var decision = RegistrationBuilder.For(DemoAgents.CoreGz(status)).Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal([ReasonCode.AgentNotActive], decision.Codes);
    }

    [Theory]
    [InlineData("440100", "440106", true)] // a city covers its districts
    [InlineData("440100", "440100", true)]
    [InlineData("440106", "440106", true)]
    [InlineData("440106", "440104", false)] // a neighbouring district
    [InlineData("440106", "440100", false)] // a district does not cover its city
    [InlineData("440000", "440306", true)] // a province covers every city and district in it
    [InlineData("440100", "440306", false)]
    [InlineData("440100", "110108", false)]
    public void The_customer_must_be_inside_the_territory(string territory, string customerRegion, bool approved)
    {
        var decision = RegistrationBuilder.For(AgentBuilder.Core().In(territory).Build()).CustomerIn(customerRegion).Decide();

        Assert.Equal(approved, decision.IsApproved);
        Assert.Equal(!approved, decision.Has(ReasonCode.OutOfTerritory));
    }

    [Fact]
    public void A_territory_of_several_regions_covers_each_of_them()
    {
        var southChina = DemoAgents.SpSouth();

        Assert.True(RegistrationBuilder.For(southChina).CustomerIn("450102").Decide().IsApproved); // 南宁
        Assert.True(RegistrationBuilder.For(southChina).CustomerIn("460105").Decide().IsApproved); // 海口
        Assert.True(RegistrationBuilder.For(southChina).CustomerIn("430102").Decide().Has(ReasonCode.OutOfTerritory)); // 长沙
    }

    [Fact]
    public void The_reason_for_a_protected_customer_does_not_name_the_holder()
    {
        var decision = RegistrationBuilder.ForCoreGz().ProtectedBy(agentId: 77).Decide();

        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.CustomerProtected, reason.Code);
        Assert.Null(reason.Detail);
        Assert.DoesNotContain("77", reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_agent_may_register_its_own_protected_customer_again()
    {
        var registration = RegistrationBuilder.ForCoreGz();

        var decision = registration.ProtectedBy(registration.Agent.Id).Decide();

        Assert.Equal(RegistrationOutcome.Approved, decision.Outcome);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(Now).AddDays(90)), decision.ProtectedUntil);
    }

    /// <summary>Protection is in force from Since (inclusive) to Until (exclusive), and only while open.</summary>
    [Theory]
    [InlineData(-10, 1, null, false)] // in force
    [InlineData(-10, 0, null, true)] // lapses exactly now
    [InlineData(-100, -10, null, true)] // lapsed ten days ago, not yet closed
    [InlineData(-10, 80, -1, true)] // ended (released) yesterday
    [InlineData(0, 90, null, false)] // starts exactly now: the first one committed wins
    public void Another_agents_protection_refuses_only_while_in_force(int sinceDays, int untilDays, int? endedDays, bool approved)
    {
        var protection = CustomerBuilder.ProtectedBy(77, Now.AddDays(sinceDays), Now.AddDays(untilDays), endedAt: endedDays is { } e ? Now.AddDays(e) : null);

        var decision = RegistrationBuilder.ForCoreGz().Protection(protection).Decide();

        Assert.Equal(approved, decision.IsApproved);
        Assert.Equal(!approved, decision.Has(ReasonCode.CustomerProtected));
    }

    [Fact]
    public void Protection_lapsing_one_tick_after_submission_still_refuses()
    {
        var protection = CustomerBuilder.ProtectedBy(77, Now.AddDays(-90), Now.AddTicks(1));

        Assert.True(RegistrationBuilder.ForCoreGz().Protection(protection).Decide().Has(ReasonCode.CustomerProtected));
    }

    [Theory]
    [InlineData(0, 100, true)]
    [InlineData(99, 100, true)]
    [InlineData(100, 100, false)]
    [InlineData(150, 100, false)]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    public void An_agent_holds_at_most_MaxActiveRegistrations_open_registrations(int open, int cap, bool approved)
    {
        var decision = RegistrationBuilder.ForCoreGz().OpenRegistrations(open).Policy(p => p.Protection.MaxActiveRegistrations = cap).Decide();

        Assert.Equal(approved, decision.IsApproved);
        Assert.Equal(!approved, decision.Has(ReasonCode.RegistrationCapReached));
    }

    /// <summary>The cooldown runs for CooldownDays from the lapse; at exactly lapse + 30 days it is over.</summary>
    [Theory]
    [InlineData(DealStatus.Expired, -1, true)]
    [InlineData(DealStatus.Expired, -29, true)]
    [InlineData(DealStatus.Expired, -30, false)]
    [InlineData(DealStatus.Expired, -31, false)]
    [InlineData(DealStatus.Approved, -5, true)] // lapsed, not yet marked Expired
    [InlineData(DealStatus.ExtensionRequested, -5, true)]
    [InlineData(DealStatus.Approved, 5, false)] // still running: not let expire
    [InlineData(DealStatus.Lost, -5, false)]
    [InlineData(DealStatus.Cancelled, -5, false)]
    [InlineData(DealStatus.Won, -5, false)]
    [InlineData(DealStatus.Rejected, -5, false)]
    public void Letting_a_registration_expire_bars_the_customer_for_the_cooldown(DealStatus status, int lapsedDaysAgo, bool inCooldown)
    {
        var decision = RegistrationBuilder.ForCoreGz().Earlier(status, Now.AddDays(lapsedDaysAgo)).Decide();

        Assert.Equal(inCooldown, decision.Has(ReasonCode.CooldownActive));
        Assert.Equal(!inCooldown, decision.IsApproved);
    }

    [Fact]
    public void The_cooldown_ends_exactly_CooldownDays_after_the_lapse()
    {
        var lapse = Now.AddDays(-30);

        Assert.True(RegistrationBuilder.ForCoreGz().LetExpire(lapse.AddTicks(1)).Decide().Has(ReasonCode.CooldownActive));
        Assert.True(RegistrationBuilder.ForCoreGz().LetExpire(lapse).Decide().IsApproved);
    }

    [Fact]
    public void A_cooldown_of_zero_days_disables_it()
    {
        var decision = RegistrationBuilder.ForCoreGz().LetExpire(Now.AddDays(-1)).Policy(p => p.Protection.CooldownDays = 0).Decide();

        Assert.True(decision.IsApproved);
    }

    [Fact]
    public void The_cooldown_does_not_bar_an_agent_from_a_customer_it_holds_right_now()
    {
        var registration = RegistrationBuilder.ForCoreGz();

        // The registration lapsed, but a sale since made the customer the agent's developed customer.
        var decision = registration.LetExpire(Now.AddDays(-5)).ProtectedBy(registration.Agent.Id, Now.AddDays(-2), Now.AddMonths(12)).Decide();

        Assert.True(decision.IsApproved);
    }

    [Fact]
    public void Approved_lines_carry_the_uniform_and_purchase_prices_of_the_agents_tier()
    {
        var decision = RegistrationBuilder.For(DemoAgents.T1Tianhe())
            .Line("OIS-STD", 10, 1980.00m)
            .Line("ois-pro", 2, 3980.00m)
            .Decide();

        Assert.True(decision.IsApproved);
        Assert.Collection(
            decision.Lines,
            l => Assert.Equal(new PricedLine("OIS-STD", 10, 1980.00m, 1980.00m, 0.30m, 1386.00m), l),
            l => Assert.Equal(new PricedLine("OIS-PRO", 2, 3980.00m, 3980.00m, 0.30m, 2786.00m), l));
    }

    [Fact]
    public void Every_line_off_the_uniform_price_is_reported_on_its_own_field()
    {
        var decision = RegistrationBuilder.ForCoreGz()
            .Line("OIS-STD", 10, 1800.00m)
            .Line("OIS-PRO", 1, 3980.00m)
            .Line("OIS-ENT", 1, 9799.99m)
            .Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal(["lines[0].unitPrice", "lines[2].unitPrice"], decision.Reasons.Select(r => r.Field));
        Assert.All(decision.Reasons, r => Assert.Equal(ReasonCode.PriceNotUniform, r.Code));
        Assert.Equal([0, 2], decision.PriceDeviations.Select(d => d.LineIndex));
    }

    [Fact]
    public void A_price_off_by_one_fen_is_not_uniform()
    {
        Assert.True(RegistrationBuilder.ForCoreGz().Line("OIS-STD", 1, 1979.99m).Decide().Has(ReasonCode.PriceNotUniform));
        Assert.True(RegistrationBuilder.ForCoreGz().Line("OIS-STD", 1, 1980.01m).Decide().Has(ReasonCode.PriceNotUniform));
        Assert.True(RegistrationBuilder.ForCoreGz().Line("OIS-STD", 1, 1980m).Decide().IsApproved); // 1980 == 1980.00
    }

    internal static RegistrationBuilder Scenario(string circumstance) => circumstance switch
    {
        "agent suspended" => RegistrationBuilder.For(DemoAgents.CoreGz(ContractStatus.Suspended)),
        "customer outside the territory" => RegistrationBuilder.ForCoreGz().CustomerIn("440305"),
        "quote below the uniform price" => RegistrationBuilder.ForCoreGz().Line("OIS-STD", 10, 1782.00m),
        "quote above the uniform price" => RegistrationBuilder.ForCoreGz().Line("OIS-STD", 10, 2000.00m),
        "customer protected by another agent" => RegistrationBuilder.ForCoreGz().ProtectedBy(DemoAgents.T1Tianhe().Id),
        "100 open registrations" => RegistrationBuilder.ForCoreGz().OpenRegistrations(100),
        "registration let expire 10 days ago" => RegistrationBuilder.ForCoreGz().LetExpire(Now.AddDays(-10)),
        "product not yet priced at submission" => RegistrationBuilder.ForCoreGz()
            .Prices(PriceListBuilder.Demo().Price("OIS-NEW", 100m, Now.AddDays(1)).Build())
            .Line("OIS-NEW", 1, 100m),
        _ => throw new ArgumentOutOfRangeException(nameof(circumstance), circumstance, null),
    };
}
