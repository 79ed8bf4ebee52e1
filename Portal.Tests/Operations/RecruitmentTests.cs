using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Recruitment;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public sealed class RecruitmentTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly PageRequest FirstPage = new(0, 50, null, false);

    // Each directly signed company of a test gets its own organization code.
    private int _companies;

    private AgentRecruitment Recruitment => Service<AgentRecruitment>();

    private AgentApplications Applications => Service<AgentApplications>();

    [Fact]
    public async Task Core_GZ_recruits_a_tier_1_in_Tianhe_as_an_application_under_itself_with_its_closure_rows()
    {
        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106"));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(ContractStatus.Applied, result.Value.Status);
        await using var db = await DbAsync();
        var links = await db.AgentLinks.Where(l => l.DescendantId == result.Value.Id).OrderBy(l => l.Depth).Select(l => new { l.AncestorId, l.Depth }).ToListAsync();
        Assert.Equal(
            [new { AncestorId = result.Value.Id, Depth = 0 }, new { AncestorId = await AgentIdAsync("CORE-GZ"), Depth = 1 }, new { AncestorId = await AgentIdAsync("SP-SOUTH"), Depth = 2 }],
            links);
        var agent = await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Id == result.Value.Id);
        Assert.Equal(await AgentIdAsync("CORE-GZ"), agent.ParentId);
        Assert.Equal(["440106"], agent.Territory.Select(t => t.RegionCode));
        Assert.Equal("AgentRecruited", (await AuditAsync())[^1].Action);
    }

    [Theory]
    [InlineData(South, true)]
    [InlineData(Gz, true)]
    [InlineData(Tianhe, false)]
    [InlineData(Sz, false)]
    public async Task A_recruit_is_seen_by_its_ancestors_as_a_descendant_and_by_nobody_else(string reader, bool visible)
    {
        var recruited = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106"));

        var detail = await Service<AgentDetails>().GetAsync(await UserAsync(reader), recruited.Value!.Id);

        Assert.Equal(visible, detail is not null);
    }

    [Fact]
    public async Task A_tier_1_agent_may_not_recruit()
    {
        var result = await Recruitment.RecruitAsync(await UserAsync(Tianhe), Recruit("T2-NEW", AgentTier.Tier2, "440106"));

        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal([ReasonCode.TierCannotRecruit], result.Codes);
        await AssertNotStoredAsync("T2-NEW");
    }

    [Fact]
    public async Task A_core_agent_may_not_recruit_another_core_agent()
    {
        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("CORE-NEW", AgentTier.Core, "440106"));

        Assert.Equal(new Reason(ReasonCode.RecruitTierTooHigh, InputField.Tier), Assert.Single(result.Reasons));
        await AssertNotStoredAsync("CORE-NEW");
    }

    [Fact]
    public async Task A_territory_outside_the_recruiters_is_refused_entry_by_entry()
    {
        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106", "440300"));

        Assert.Equal(new Reason(ReasonCode.TerritoryNotWithinParent, "territory[1]", "440300"), Assert.Single(result.Reasons));
        await AssertNotStoredAsync("T1-NEW");
    }

    [Fact]
    public async Task A_recruit_with_an_invalid_USCC_is_invalid_input()
    {
        var input = Recruit("T1-NEW", AgentTier.Tier1, "440106");
        input.Uscc = "91440300708461136U";

        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), input);

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal(new Reason(ReasonCode.InvalidUscc, InputField.Uscc), Assert.Single(result.Reasons));
        await AssertNotStoredAsync("T1-NEW");
    }

    [Fact]
    public async Task A_taken_code_or_USCC_is_a_clear_refusal_not_an_error()
    {
        var gz = await UserAsync(Gz);
        var takenCode = await Recruitment.RecruitAsync(gz, Recruit("t1-tianhe", AgentTier.Tier1, "440106"));
        var sameCompany = Recruit("T1-NEW", AgentTier.Tier1, "440106");
        await using (var db = await DbAsync())
        {
            sameCompany.Uscc = (await db.Agents.SingleAsync(a => a.Code == "T2-YUEXIU")).Uscc.ToLowerInvariant();
        }

        var takenUscc = await Recruitment.RecruitAsync(gz, sameCompany);

        Assert.Equal(UseCaseOutcome.Refused, takenCode.Outcome);
        Assert.Equal(new Reason(UseCaseCode.AgentCodeTaken, AgentFields.Code), Assert.Single(takenCode.Reasons));
        Assert.Equal(new Reason(UseCaseCode.UsccTaken, AgentFields.Uscc), Assert.Single(takenUscc.Reasons));
        await AssertNotStoredAsync("T1-NEW");
    }

    [Fact]
    public async Task Of_two_racing_applications_with_the_same_code_one_is_stored_and_the_other_refused()
    {
        var gz = await UserAsync(Gz);
        var south = await UserAsync(South);
        var fromGz = Recruit("T1-RACE", AgentTier.Tier1, "440106");
        var fromSouth = Recruit("T1-RACE", AgentTier.Tier1, "440106");
        fromSouth.Uscc = Uscc.Create('9', '1', "440106", "MA5NEW02").Value;

        var recruitment = Service<AgentRecruitment>();

        var results = await Task.WhenAll(
            Task.Run(() => recruitment.RecruitAsync(gz, fromGz)),
            Task.Run(() => recruitment.RecruitAsync(south, fromSouth)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal([UseCaseCode.AgentCodeTaken], Assert.Single(results, r => !r.Succeeded).Codes);
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Agents.CountAsync(a => a.Code == "T1-RACE"));
    }

    [Fact]
    public async Task A_recruiter_whose_contract_is_not_active_may_not_recruit()
    {
        await Service<AgentAdministration>().SuspendAsync(await UserAsync(Manager), await AgentIdAsync("CORE-GZ"), new SuspensionInput { Note = "处罚" });

        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106"));

        Assert.Equal([ReasonCode.AgentNotActive], result.Codes);
    }

    [Fact]
    public async Task Malformed_input_lists_every_field_and_stores_nothing()
    {
        var input = new NewAgentInput { Code = "新 代理", LegalName = new string('名', Agent.NameMaxLength + 1), Territory = ["449999"], ContactEmail = "not-an-address" };

        var result = await Recruitment.RecruitAsync(await UserAsync(Gz), input);

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        var errors = result.ByField();
        Assert.Equal([ReasonCode.InvalidValue], errors[AgentFields.Code]);
        Assert.Equal([ReasonCode.TooLong], errors[AgentFields.LegalName]);
        Assert.Equal([ReasonCode.Required], errors[AgentFields.Uscc]);
        Assert.Equal([ReasonCode.Required], errors[AgentFields.Tier]);
        Assert.Equal([ReasonCode.InvalidRegion], errors["territory[0]"]);
        Assert.Equal([ReasonCode.InvalidValue], errors[AgentFields.ContactEmail]);
    }

    [Fact]
    public async Task The_manager_approves_an_application_from_the_queue_and_the_agent_becomes_active()
    {
        var manager = await UserAsync(Manager);
        var recruited = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106"));
        var queue = await Applications.QueueAsync(manager, FirstPage);

        var approved = await Applications.ApproveAsync(manager, recruited.Value!.Id, new ContractTermsInput(TestTime.Calendar.DateOf(Now), TestTime.Calendar.DateOf(Now).AddYears(1)));

        var application = Assert.Single(queue.Items);
        Assert.Equal(("T1-NEW", "CORE-GZ", "天河区"), (application.Code, application.ParentCode, application.Territory.Single().NameZh));
        Assert.Equal(ContractStatus.Active, approved.Value!.Status);
        Assert.Empty((await Applications.QueueAsync(manager, FirstPage)).Items);
        await using var db = await DbAsync();
        var agent = await db.Agents.SingleAsync(a => a.Id == recruited.Value.Id);
        Assert.Equal((TestTime.Calendar.DateOf(Now), TestTime.Calendar.DateOf(Now).AddYears(1)), (agent.ContractStart!.Value, agent.ContractEnd!.Value));
    }

    [Fact]
    public async Task The_manager_reviews_and_rejects_an_application_with_a_note()
    {
        var manager = await UserAsync(Manager);
        var recruited = await Recruitment.RecruitAsync(await UserAsync(Gz), Recruit("T1-NEW", AgentTier.Tier1, "440106"));

        var review = await Applications.StartReviewAsync(manager, recruited.Value!.Id);
        var rejected = await Applications.RejectAsync(manager, recruited.Value.Id, "资质不足");
        var signAfterwards = await Applications.ApproveAsync(manager, recruited.Value.Id, new ContractTermsInput(TestTime.Calendar.DateOf(Now), TestTime.Calendar.DateOf(Now).AddYears(1)));

        Assert.Equal(ContractStatus.UnderReview, review.Value!.Status);
        Assert.Equal(ContractStatus.Rejected, rejected.Value!.Status);
        Assert.Equal([TransitionCode.NotAllowedInState], signAfterwards.Codes);
        Assert.Contains("资质不足", (await AuditAsync())[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reseller_cannot_decide_applications()
    {
        var gz = await UserAsync(Gz);
        var recruited = await Recruitment.RecruitAsync(gz, Recruit("T1-NEW", AgentTier.Tier1, "440106"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Applications.ApproveAsync(gz, recruited.Value!.Id, new ContractTermsInput(TestTime.Calendar.DateOf(Now), TestTime.Calendar.DateOf(Now).AddYears(1))));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Applications.QueueAsync(gz, FirstPage));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Recruitment.SignDirectlyAsync(gz, Direct("X-NEW", AgentTier.Tier1, null, "440106")));
    }

    [Fact]
    public async Task The_vendor_signs_an_agent_of_any_tier_directly_with_no_parent()
    {
        var result = await Recruitment.SignDirectlyAsync(await UserAsync(Manager), Direct("SP-EAST", AgentTier.Strategic, null, "310000", "320000"));

        Assert.Equal(ContractStatus.Active, result.Value!.Status);
        await using var db = await DbAsync();
        Assert.Equal([(result.Value.Id, 0)], await db.AgentLinks.Where(l => l.DescendantId == result.Value.Id).Select(l => ValueTuple.Create(l.AncestorId, l.Depth)).ToListAsync());
        Assert.Null((await db.Agents.SingleAsync(a => a.Id == result.Value.Id)).ParentId);
        Assert.Equal("AgentSignedDirectly", (await AuditAsync())[^1].Action);
    }

    [Fact]
    public async Task The_vendor_signs_an_agent_under_a_parent_it_names_within_the_parents_reach()
    {
        var manager = await UserAsync(Manager);

        var underSz = await Recruitment.SignDirectlyAsync(manager, Direct("T1-NANSHAN", AgentTier.Tier1, "core-sz", "440305"));
        var tooHigh = await Recruitment.SignDirectlyAsync(manager, Direct("CORE-X", AgentTier.Core, "CORE-SZ", "440305"));
        var unknownParent = await Recruitment.SignDirectlyAsync(manager, Direct("T1-X", AgentTier.Tier1, "NOBODY", "440305"));

        Assert.Equal(ContractStatus.Active, underSz.Value!.Status);
        await using (var db = await DbAsync())
        {
            Assert.Equal(
                [(underSz.Value.Id, 0), (await AgentIdAsync("CORE-SZ"), 1)],
                await db.AgentLinks.Where(l => l.DescendantId == underSz.Value.Id).OrderBy(l => l.Depth).Select(l => ValueTuple.Create(l.AncestorId, l.Depth)).ToListAsync());
        }

        Assert.Contains(await AgentIdAsync("T1-NANSHAN"), (await Service<AgentDetails>().ChildrenAsync(await UserAsync(Sz), await AgentIdAsync("CORE-SZ")))!.Select(n => n.Id));
        Assert.Equal([ReasonCode.RecruitTierTooHigh], tooHigh.Codes);
        Assert.Equal(new Reason(UseCaseCode.UnknownAgent, AgentFields.ParentCode), Assert.Single(unknownParent.Reasons));
    }

    private static NewAgentInput Recruit(string code, AgentTier tier, params string[] territory) => new()
    {
        Code = code,
        LegalName = "广州新星科技有限公司",
        Uscc = Uscc.Create('9', '1', territory[0], "MA5NEW01").Value,
        Tier = tier,
        Territory = territory,
        ContactName = "陈经理",
        ContactPhone = "020-1234-5678",
        ContactEmail = "chen@new.example.cn",
    };

    private DirectSigningInput Direct(string code, AgentTier tier, string? parentCode, params string[] territory) => new()
    {
        Code = code,
        LegalName = code + " 有限公司",
        Uscc = Uscc.Create('9', '1', territory[0], string.Create(CultureInfo.InvariantCulture, $"MA5DR{++_companies:000}")).Value,
        Tier = tier,
        Territory = territory,
        ParentCode = parentCode,
        ContractStart = TestTime.Calendar.DateOf(Now),
        ContractEnd = TestTime.Calendar.DateOf(Now).AddYears(2),
    };

    private async Task AssertNotStoredAsync(string code)
    {
        await using var db = await DbAsync();
        Assert.False(await db.Agents.AnyAsync(a => a.Code == code));
    }
}
