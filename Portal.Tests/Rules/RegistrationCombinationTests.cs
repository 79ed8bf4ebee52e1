using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Deals.Registration;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Deal registration: several rules at once, duplicates and review, and PricePolicy:Mode.</summary>
public sealed class RegistrationCombinationTests
{
    private static readonly DateTime Now = TestTime.Now;

    [Fact]
    public void An_out_of_territory_discounted_quote_for_a_protected_customer_reports_all_three_reasons()
    {
        var decision = RegistrationBuilder.ForCoreGz()
            .CustomerIn("440305")
            .Line("OIS-PRO", 5, 3500.00m)
            .ProtectedBy(DemoAgents.CoreSz().Id)
            .Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal(
            [
                new Reason(ReasonCode.OutOfTerritory, "customer.regionCode"),
                new Reason(ReasonCode.PriceNotUniform, "lines[0].unitPrice"),
                new Reason(ReasonCode.CustomerProtected, "customer.uscc"),
            ],
            decision.Reasons);
    }

    [Fact]
    public void Every_refusal_is_reported_when_every_rule_is_broken()
    {
        var decision = RegistrationBuilder.For(DemoAgents.CoreGz(Domain.Agents.ContractStatus.Suspended))
            .CustomerIn("440305")
            .Line("OIS-STD", 1, 1.00m)
            .ProtectedBy(77)
            .OpenRegistrations(100)
            .LetExpire(Now.AddDays(-3))
            .SameNameCustomer("440303")
            .Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal(
            [
                ReasonCode.AgentNotActive, ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform, ReasonCode.CustomerProtected,
                ReasonCode.RegistrationCapReached, ReasonCode.CooldownActive, ReasonCode.PossibleDuplicate,
            ],
            decision.Codes);
    }

    [Fact]
    public void A_possible_duplicate_goes_to_review_instead_of_approval()
    {
        var decision = RegistrationBuilder.ForCoreGz().CustomerIn("440106").SameNameCustomer("440104").Decide();

        Assert.Equal(RegistrationOutcome.PendingReview, decision.Outcome);
        Assert.Equal([new Reason(ReasonCode.PossibleDuplicate, "customer.name")], decision.Reasons);
        Assert.Null(decision.ProtectedUntil);
    }

    [Theory]
    [InlineData("440104", "MA5C0999", "广州天河家居服务 有限责任公司", RegistrationOutcome.PendingReview)] // same city, spelled differently
    [InlineData("440106", "MA5C0999", "ＧＵＡＮＧＺＨＯＵ TIANHE HOME Co., Ltd.", RegistrationOutcome.Approved)] // another name altogether
    [InlineData("440305", "MA5C0999", "广州天河家居服务有限公司", RegistrationOutcome.Approved)] // same name in another city
    [InlineData("440106", RegistrationBuilder.CustomerOrganizationBody, "广州天河家居服务有限公司", RegistrationOutcome.Approved)] // the customer itself
    public void A_duplicate_is_another_credit_code_under_the_same_normalized_name_in_the_same_city(string region, string organizationBody, string name, RegistrationOutcome outcome)
    {
        var decision = RegistrationBuilder.ForCoreGz().CustomerIn("440106").SameNameCustomer(region, organizationBody, name).Decide();

        Assert.Equal(outcome, decision.Outcome);
    }

    [Fact]
    public void Review_is_only_for_a_registration_no_rule_refuses()
    {
        var decision = RegistrationBuilder.ForCoreGz().SameNameCustomer("440104").OpenRegistrations(100).Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal([ReasonCode.RegistrationCapReached, ReasonCode.PossibleDuplicate], decision.Codes);
    }

    [Fact]
    public void In_enforce_mode_a_discounted_quote_is_refused_and_opens_no_case()
    {
        var decision = RegistrationBuilder.ForCoreGz().Line("OIS-STD", 10, 1500.00m).Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Null(decision.DiscountSellingCase);
    }

    [Fact]
    public void In_monitor_mode_a_discounted_quote_is_approved_recorded_and_opens_a_discount_selling_case()
    {
        var registration = RegistrationBuilder.ForCoreGz().Monitor().Line("OIS-STD", 10, 1500.00m).Line("OIS-PRO", 1, 3980.00m);

        var decision = registration.Decide();

        Assert.Equal(RegistrationOutcome.Approved, decision.Outcome);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(Now).AddDays(90)), decision.ProtectedUntil);
        Assert.Equal([new Reason(ReasonCode.PriceNotUniform, "lines[0].unitPrice")], decision.Reasons);
        var deviation = Assert.Single(decision.PriceDeviations);
        Assert.Equal(new PriceDeviation(0, "OIS-STD", 10, 1500.00m, 1980.00m), deviation);
        Assert.Equal(-4800.00m, deviation.TotalDifference);
        var openCase = Assert.IsType<CaseToOpen>(decision.DiscountSellingCase);
        Assert.Equal(ViolationType.DiscountSelling, openCase.Type);
        Assert.Equal(registration.Agent.Id, openCase.SubjectAgentId);
        Assert.Equal([deviation], openCase.Lines);
    }

    [Fact]
    public void In_monitor_mode_a_quote_above_the_uniform_price_is_recorded_but_is_not_discount_selling()
    {
        var decision = RegistrationBuilder.ForCoreGz().Monitor().Line("OIS-STD", 10, 2100.00m).Decide();

        Assert.Equal(RegistrationOutcome.Approved, decision.Outcome);
        Assert.True(decision.Has(ReasonCode.PriceNotUniform));
        Assert.False(Assert.Single(decision.PriceDeviations).IsBelowUniformPrice);
        Assert.Null(decision.DiscountSellingCase);
    }

    [Fact]
    public void In_monitor_mode_the_other_rules_still_refuse_and_a_refused_quote_opens_no_case()
    {
        var decision = RegistrationBuilder.ForCoreGz().Monitor().CustomerIn("440305").Line("OIS-STD", 10, 1500.00m).Decide();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal([ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform], decision.Codes);
        Assert.Null(decision.DiscountSellingCase);
    }

    [Fact]
    public void In_monitor_mode_a_discounted_possible_duplicate_goes_to_review_and_opens_a_case()
    {
        var decision = RegistrationBuilder.ForCoreGz().Monitor().SameNameCustomer("440104").Line("OIS-STD", 10, 1500.00m).Decide();

        Assert.Equal(RegistrationOutcome.PendingReview, decision.Outcome);
        Assert.Equal([ReasonCode.PriceNotUniform, ReasonCode.PossibleDuplicate], decision.Codes);
        Assert.NotNull(decision.DiscountSellingCase);
    }

    [Fact]
    public void A_manager_approving_a_reviewed_registration_protects_the_customer_from_that_instant()
    {
        var approvedAt = Now.AddDays(2);

        var decision = RegistrationBuilder.ForCoreGz().SameNameCustomer("440104").At(approvedAt).ApproveAfterReview();

        Assert.Equal(RegistrationOutcome.Approved, decision.Outcome);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(approvedAt).AddDays(90)), decision.ProtectedUntil);
    }

    [Fact]
    public void A_reviewed_registration_loses_to_another_agent_who_registered_the_customer_meanwhile()
    {
        var decision = RegistrationBuilder.ForCoreGz().ProtectedBy(77, since: Now.AddDays(-1)).ApproveAfterReview();

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Equal([ReasonCode.CustomerProtected], decision.Codes);
    }

    [Fact]
    public void A_reviewed_registration_is_refused_when_the_agent_was_suspended_or_left_the_territory_meanwhile()
    {
        var decision = RegistrationBuilder.For(DemoAgents.CoreGz(Domain.Agents.ContractStatus.Suspended)).CustomerIn("440305").ApproveAfterReview();

        Assert.Equal([ReasonCode.AgentNotActive, ReasonCode.OutOfTerritory], decision.Codes);
    }
}
