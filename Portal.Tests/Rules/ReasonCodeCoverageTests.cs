using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Compliance.Penalties;
using Portal.Domain.Customers.VendorDirect;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Pricing.Versions;
using Portal.Domain.Recruitment;
using Portal.Domain.Regions;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Every reason code of the contract is produced by some rule, and fits where it is stored.</summary>
public sealed class ReasonCodeCoverageTests
{
    private static readonly DateTime Now = TestTime.Now;

    public static TheoryData<string> Codes => new(ReasonCode.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_reason_code_is_produced_by_a_rule(string code)
    {
        Assert.Contains(code, Produce(code));
    }

    [Fact]
    public void Reason_codes_are_unique_and_fit_the_stored_column()
    {
        Assert.Equal(ReasonCode.All.Count, ReasonCode.All.Distinct().Count());
        Assert.All(ReasonCode.All, c => Assert.InRange(c.Length, 1, DealReason.CodeMaxLength));
        Assert.All(ReasonCode.All, c => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", c));
    }

    [Fact]
    public void Field_names_follow_the_API_body_and_fit_the_stored_column()
    {
        Assert.Equal("lines[0].sku", InputField.LineSku(0));
        Assert.Equal("lines[12].quantity", InputField.LineQuantity(12));
        Assert.Equal("lines[99].unitPrice", InputField.LineUnitPrice(99));
        Assert.Equal("territory[3]", InputField.TerritoryEntry(3));
        Assert.InRange(InputField.LineUnitPrice(99).Length, 1, DealReason.FieldMaxLength);
    }

    private static IEnumerable<string> Produce(string code)
    {
        var validInput = new DealRegistrationInput(
            new CustomerInput(CustomerBuilder.UsccIn("440106").Value, "广州天河家居服务有限公司", "440106", "Household"),
            [new LineInput("OIS-STD", 1, 1980m)],
            TestTime.Today);
        IEnumerable<string> Validation(DealRegistrationInput input) =>
            DealRegistrationValidator.Validate(input, PriceListBuilder.Demo().Build(), r => r.Value != "449999", Now, TestTime.Calendar).Errors.Select(e => e.Code);
        IEnumerable<string> Recruit(AgentSnapshot recruiter, AgentTier tier, string region) =>
            RecruitmentRules.Decide(recruiter, new RecruitRequest(CustomerBuilder.UsccIn(region, "MA5NEW01").Value, tier, [RegionCode.Parse(region)])).Codes;
        var approved = new ExtensionSnapshot(DealStatus.Approved, Now.AddDays(10), false, ContractStatus.Active);
        IEnumerable<string> Extend(ExtensionSnapshot deal, string? reason) =>
            RegistrationExtension.Decide(deal, reason, Now, ChannelPolicy.Default).Decision.Codes;

        static IEnumerable<string> TimedOut()
        {
            var held = DealBuilder.In(DealStatus.PendingReview).Build();
            held.TimeOut(DealBuilder.ReviewDeadline);
            return held.Reasons.Select(r => r.Code);
        }

        return code switch
        {
            ReasonCode.InvalidUscc => Validation(validInput with { Customer = validInput.Customer! with { Uscc = "91440300708461136U" } }),
            ReasonCode.AgentNotActive or ReasonCode.OutOfTerritory or ReasonCode.PriceNotUniform or ReasonCode.CustomerProtected
                or ReasonCode.RegistrationCapReached or ReasonCode.CooldownActive => RegistrationRuleTests.Scenario(code switch
                {
                    ReasonCode.AgentNotActive => "agent suspended",
                    ReasonCode.OutOfTerritory => "customer outside the territory",
                    ReasonCode.PriceNotUniform => "quote below the uniform price",
                    ReasonCode.CustomerProtected => "customer protected by another agent",
                    ReasonCode.RegistrationCapReached => "100 open registrations",
                    _ => "registration let expire 10 days ago",
                }).Decide().Codes,
            ReasonCode.PossibleDuplicate => RegistrationBuilder.ForCoreGz().SameNameCustomer("440104").Decide().Codes,
            ReasonCode.TierCannotRecruit => Recruit(DemoAgents.T1Tianhe(), AgentTier.Tier2, "440106"),
            ReasonCode.RecruitTierTooHigh => Recruit(DemoAgents.CoreGz(), AgentTier.Core, "440106"),
            ReasonCode.TerritoryNotWithinParent => Recruit(DemoAgents.CoreGz(), AgentTier.Tier1, "440305"),
            ReasonCode.UnknownProduct => Validation(validInput with { Lines = [new LineInput("OIS-XXX", 1, 1m)] }),
            ReasonCode.InvalidQuantity => Validation(validInput with { Lines = [new LineInput("OIS-STD", 0, 1m)] }),
            ReasonCode.InvalidPrice => Validation(validInput with { Lines = [new LineInput("OIS-STD", 1, -1m)] }),
            ReasonCode.Required => Validation(validInput with { Customer = null }),
            ReasonCode.TooLong => Validation(validInput with { Customer = validInput.Customer! with { Name = new string('名', 201) } }),
            ReasonCode.InvalidRegion => Validation(validInput with { Customer = validInput.Customer! with { RegionCode = "449999" } }),
            ReasonCode.InvalidDate => Validation(validInput with { ExpectedCloseDate = TestTime.Today.AddDays(-1) }),
            ReasonCode.InvalidValue => Validation(validInput with { Customer = validInput.Customer! with { Segment = "Retail" } }),
            ReasonCode.InvalidCharacter => Validation(validInput with { Customer = validInput.Customer! with { Name = "广州\u202E司公限有" } }),
            ReasonCode.VendorDirectBlocked => VendorDirectRule.Decide([CustomerBuilder.ProtectedBy(7, Now.AddDays(-1), Now.AddDays(1))], Now).Codes,
            ReasonCode.DealNotApproved => Extend(approved with { Status = DealStatus.Won }, "理由"),
            ReasonCode.ExtensionAlreadyUsed => Extend(approved with { ExtensionUsed = true }, "理由"),
            ReasonCode.ProtectionLapsed => Extend(approved with { ProtectedUntil = Now }, "理由"),
            ReasonCode.ReasonRequired => Extend(approved, null),
            ReasonCode.PenaltyBelowLadder => PenaltyLadder.Decide(
                new PenaltyCase(1, Now, Severe: true), [], new PenaltyChoice(PenaltyKind.Warning, "理由"), new PenaltyOptions(), Now, TestTime.Calendar).Decision.Codes,
            ReasonCode.AppealWindowClosed => [CaseBuilder.In(CaseState.Penalized).Build().AppealRefusal(CaseBuilder.AppealDeadline)!],
            ReasonCode.FileTooLarge => [EvidenceFileCheck.Check(EvidenceFiles.Pdf("报价单"), "quote.pdf", 10).Refusal!.Code],
            ReasonCode.FileTypeNotAllowed => [EvidenceFileCheck.Check(EvidenceFiles.Zip(), "quote.zip", 1024 * 1024).Refusal!.Code],
            ReasonCode.FileTypeMismatch => [EvidenceFileCheck.Check(EvidenceFiles.Png(), "quote.pdf", 1024 * 1024).Refusal!.Code],
            ReasonCode.ProductRetired => DealRegistrationValidator.Validate(validInput, PriceListBuilder.Demo().Retired("OIS-STD").Build(), _ => true, Now, TestTime.Calendar).Errors.Select(e => e.Code),
            ReasonCode.VersionNotAfterLatest => PriceVersionRules.Decide(PriceVersionBuilder.Valid(Now).Request(), Now.AddDays(1)).Codes,
            ReasonCode.DiscountsOutOfOrder => PriceVersionBuilder.Valid(Now).Discount(AgentTier.Tier2, 0.45m).Validate().Errors.Select(e => e.Code),
            ReasonCode.ReviewTimedOut => TimedOut(),
            _ => throw new InvalidOperationException($"No rule scenario produces {code}: add one here."),
        };
    }
}
