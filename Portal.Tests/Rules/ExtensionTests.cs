using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>An approved registration may be extended once, by ExtensionDays, with a written reason.</summary>
public sealed class ExtensionTests
{
    private const string Reason = "客户预算审批推迟到下季度";
    private static readonly DateTime Now = TestTime.Now;
    private static readonly DateTime Until = Now.AddDays(20);
    private static readonly ExtensionSnapshot Approved = new(DealStatus.Approved, Until, false, ContractStatus.Active);

    [Theory]
    [InlineData(DealStatus.Approved, false)] // the reseller asks
    [InlineData(DealStatus.ExtensionRequested, true)] // the channel manager grants the request that used the extension up
    public void An_approved_registration_is_extended_once_by_90_days_from_its_current_end(DealStatus status, bool used)
    {
        var decision = Decide(Approved with { Status = status, ExtensionUsed = used }, Reason);

        Assert.True(decision.IsAllowed);
        Assert.Equal(EndOfDay(Until, 90), decision.NewProtectedUntil);
    }

    [Fact]
    public void Asking_early_or_late_gives_the_same_new_end()
    {
        var early = RegistrationExtension.Decide(Approved, Reason, Now.AddDays(-60), ChannelPolicy.Default);
        var late = RegistrationExtension.Decide(Approved, Reason, Until.AddTicks(-1), ChannelPolicy.Default);

        Assert.Equal(early.NewProtectedUntil, late.NewProtectedUntil);
    }

    [Fact]
    public void The_extension_follows_the_ExtensionDays_setting()
    {
        var decision = RegistrationExtension.Decide(Approved, Reason, Now, new ChannelPolicy { Protection = new ProtectionOptions { ExtensionDays = 30 } });

        Assert.Equal(EndOfDay(Until, 30), decision.NewProtectedUntil);
    }

    [Theory]
    [InlineData(DealStatus.Draft)]
    [InlineData(DealStatus.Submitted)]
    [InlineData(DealStatus.PendingReview)]
    [InlineData(DealStatus.Rejected)]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    [InlineData(DealStatus.Expired)]
    [InlineData(DealStatus.Cancelled)]
    public void Only_an_approved_registration_can_be_extended(DealStatus status)
    {
        var decision = Decide(Approved with { Status = status }, Reason);

        Assert.Equal([ReasonCode.DealNotApproved], decision.Decision.Codes);
        Assert.Null(decision.NewProtectedUntil);
    }

    [Fact]
    public void A_registration_is_extended_only_once_even_after_a_refused_request()
    {
        // A refused request returns the deal to Approved with the extension used up.
        Assert.Equal([ReasonCode.ExtensionAlreadyUsed], Decide(Approved with { ExtensionUsed = true }, Reason).Decision.Codes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_extension_needs_a_written_reason(string? reason)
    {
        Assert.Equal([new Reason(ReasonCode.ReasonRequired, "reason")], Decide(Approved, reason).Decision.Reasons);
    }

    [Fact]
    public void A_reason_longer_than_the_stored_text_is_refused()
    {
        Assert.Equal([ReasonCode.TooLong], Decide(Approved, new string('理', 1001)).Decision.Codes);
        Assert.True(Decide(Approved, new string('理', 1000)).IsAllowed);
    }

    [Theory]
    [InlineData(0, false)] // lapses exactly now
    [InlineData(-3, false)]
    [InlineData(1, true)]
    public void A_lapsed_protection_cannot_be_extended(int untilDaysFromNow, bool allowed)
    {
        var decision = Decide(Approved with { ProtectedUntil = Now.AddDays(untilDaysFromNow) }, Reason);

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(!allowed, decision.Decision.Has(ReasonCode.ProtectionLapsed));
    }

    [Theory]
    [InlineData(ContractStatus.Suspended)]
    [InlineData(ContractStatus.Revoked)]
    public void An_agent_that_may_not_register_may_not_extend(ContractStatus status)
    {
        Assert.Equal([ReasonCode.AgentNotActive], Decide(Approved with { AgentStatus = status }, Reason).Decision.Codes);
    }

    [Fact]
    public void Every_reason_against_an_extension_is_reported()
    {
        var decision = Decide(new ExtensionSnapshot(DealStatus.Expired, Now.AddDays(-1), true, ContractStatus.Suspended), " ");

        Assert.Equal(
            [ReasonCode.AgentNotActive, ReasonCode.DealNotApproved, ReasonCode.ExtensionAlreadyUsed, ReasonCode.ProtectionLapsed, ReasonCode.ReasonRequired],
            decision.Decision.Codes);
    }

    private static ExtensionDecision Decide(ExtensionSnapshot deal, string? reason) =>
        RegistrationExtension.Decide(deal, reason, Now, ChannelPolicy.Default);

    // The protection's last business day, moved on, to the end of that day in China.
    private static DateTime EndOfDay(DateTime until, int days) => TestTime.Calendar.EndOfDay(TestTime.Calendar.LastDay(until).AddDays(days));
}
