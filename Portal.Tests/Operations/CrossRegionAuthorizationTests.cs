using Microsoft.EntityFrameworkCore;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Regions;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Authorizations;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public sealed class CrossRegionAuthorizationTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly PageRequest FirstPage = new(0, 50, null, false);

    private CrossRegionAuthorizationService Authorizations => Service<CrossRegionAuthorizationService>();

    private AuthorizationDirectory Directory => Service<AuthorizationDirectory>();

    [Fact]
    public async Task An_approved_request_lets_the_agent_operate_in_the_region_for_its_window()
    {
        var gz = await UserAsync(Gz);

        var requested = await Authorizations.RequestAsync(gz, Request("440300"));
        var approved = await Authorizations.ApproveAsync(await UserAsync(Manager), requested.Value!.Id, "深圳展会项目");

        Assert.True(requested.Succeeded, requested.ToString());
        Assert.Equal(AuthorizationStatus.Requested, requested.Value.Status);
        Assert.True(approved.Succeeded, approved.ToString());
        Assert.Equal(AuthorizationStatus.Approved, approved.Value!.Status);

        await using var db = await DbAsync();
        var stored = await db.CrossRegionAuthorizations.SingleAsync(a => a.Id == requested.Value.Id);
        var agent = await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Code == "CORE-GZ");
        var snapshot = AuthorizationSnapshot.From(stored);
        Assert.Equal(Manager, stored.DecidedBy);
        Assert.Equal("深圳展会项目", stored.DecisionNote);
        Assert.Equal(new AuthorizationSnapshot(stored.Id, agent.Id, RegionCode.Parse("440300"), null, TestTime.Calendar.DateOf(Now), TestTime.Calendar.DateOf(Now).AddDays(30), AuthorizationStatus.Approved), snapshot);

        // A registration of a Shenzhen customer by CORE-GZ would now be within regional protection, inside the window only.
        Assert.True(RegionalProtection.Permits(AgentSnapshot.From(agent), RegionCode.Parse("440305"), null, [snapshot], TestTime.Calendar.DateOf(Now).AddDays(30)));
        Assert.False(RegionalProtection.Permits(AgentSnapshot.From(agent), RegionCode.Parse("440305"), null, [snapshot], TestTime.Calendar.DateOf(Now).AddDays(31)));
    }

    [Fact]
    public async Task A_manager_rejects_a_request_with_a_note_and_cannot_reject_without_one()
    {
        var manager = await UserAsync(Manager);
        var requested = await Authorizations.RequestAsync(await UserAsync(Gz), Request("440300"));

        var withoutNote = await Authorizations.RejectAsync(manager, requested.Value!.Id, "  ");
        var rejected = await Authorizations.RejectAsync(manager, requested.Value.Id, "深圳已有核心代理");
        var approveAfterwards = await Authorizations.ApproveAsync(manager, requested.Value.Id, null);

        Assert.Equal(UseCaseOutcome.Invalid, withoutNote.Outcome);
        Assert.Equal(new Reason(ReasonCode.Required, AuthorizationFields.Note), Assert.Single(withoutNote.Reasons));
        Assert.Equal(AuthorizationStatus.Rejected, rejected.Value!.Status);
        Assert.Equal(UseCaseOutcome.Refused, approveAfterwards.Outcome);
        Assert.Equal([TransitionCode.NotAllowedInState], approveAfterwards.Codes);
    }

    [Fact]
    public async Task Only_an_approved_authorization_can_be_revoked()
    {
        var manager = await UserAsync(Manager);
        var requested = await Authorizations.RequestAsync(await UserAsync(Gz), Request("440300"));

        var tooEarly = await Authorizations.RevokeAsync(manager, requested.Value!.Id, "违规使用授权");
        await Authorizations.ApproveAsync(manager, requested.Value.Id, null);
        var revoked = await Authorizations.RevokeAsync(manager, requested.Value.Id, "违规使用授权");

        Assert.Equal([TransitionCode.NotAllowedInState], tooEarly.Codes);
        Assert.Equal(AuthorizationStatus.Revoked, revoked.Value!.Status);
        var entries = await AuditAsync();
        Assert.Equal(["AuthorizationRequested", "AuthorizationApproved", "AuthorizationRevoked"], entries.Where(e => e.EntityType == "CrossRegionAuthorization").Select(e => e.Action));
        Assert.Contains("违规使用授权", entries[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_whose_contract_is_not_active_is_refused_and_nothing_is_stored()
    {
        var suspended = await Service<AgentAdministration>().SuspendAsync(await UserAsync(Manager), await AgentIdAsync("CORE-GZ"), new SuspensionInput { Note = "处罚" });

        var result = await Authorizations.RequestAsync(await UserAsync(Gz), Request("440300"));

        Assert.True(suspended.Succeeded, suspended.ToString());
        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal(new Reason(ReasonCode.AgentNotActive), Assert.Single(result.Reasons));
        await using var db = await DbAsync();
        Assert.Equal(0, await db.CrossRegionAuthorizations.CountAsync());
    }

    [Fact]
    public async Task A_reseller_cannot_decide_and_vendor_staff_cannot_request()
    {
        var requested = await Authorizations.RequestAsync(await UserAsync(Tianhe), Request("440105"));
        var gz = await UserAsync(Gz);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Authorizations.ApproveAsync(gz, requested.Value!.Id, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Authorizations.RejectAsync(gz, requested.Value!.Id, "不行"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Authorizations.RevokeAsync(gz, requested.Value!.Id, "不行"));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Directory.QueueAsync(gz, FirstPage));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Authorizations.RequestAsync(await UserAsync(Manager), Request("440300")));
    }

    [Fact]
    public async Task A_reseller_sees_the_authorizations_of_its_subtree_and_nothing_else()
    {
        var tianhe = await Authorizations.RequestAsync(await UserAsync(Tianhe), Request("440105"));
        var sz = await Authorizations.RequestAsync(await UserAsync(Sz), Request("440100"));

        var seenByGz = await Directory.ListAsync(await UserAsync(Gz), new AuthorizationFilter(), FirstPage);
        var seenBySz = await Directory.ListAsync(await UserAsync(Sz), new AuthorizationFilter(), FirstPage);
        var seenByYuexiu = await Directory.ListAsync(await UserAsync(Yuexiu), new AuthorizationFilter(), FirstPage);
        var queue = await Directory.QueueAsync(await UserAsync(Manager), new PageRequest(0, 1, null, false));

        Assert.Equal(["T1-TIANHE"], seenByGz.Items.Select(r => r.AgentCode));
        Assert.Equal(["CORE-SZ"], seenBySz.Items.Select(r => r.AgentCode));
        Assert.Empty(seenByYuexiu.Items);
        Assert.Null(await Directory.GetAsync(await UserAsync(Gz), sz.Value!.Id));
        Assert.NotNull(await Directory.GetAsync(await UserAsync(South), tianhe.Value!.Id));

        // The manager's queue: every request, oldest first, paged.
        Assert.Equal(2, queue.TotalCount);
        Assert.Equal(tianhe.Value.Id, Assert.Single(queue.Items).Id);
        Assert.Equal("海珠区", seenByGz.Items[0].Region.NameZh);
    }

    [Fact]
    public async Task The_manager_sees_what_can_be_done_to_an_authorization()
    {
        var requested = await Authorizations.RequestAsync(await UserAsync(Gz), Request("440300"));

        var forManager = await Directory.GetAsync(await UserAsync(Manager), requested.Value!.Id);
        var forReseller = await Directory.GetAsync(await UserAsync(Gz), requested.Value.Id);

        Assert.Equal([AuthorizationAction.Approve, AuthorizationAction.Reject], forManager!.Actions.Where(a => a.IsAllowed).Select(a => a.Action));
        Assert.Empty(forReseller!.Actions);
        Assert.Null(forReseller.DecidedBy);
    }

    [Fact]
    public async Task Malformed_input_is_answered_with_every_field_error_and_stores_nothing()
    {
        var input = new AuthorizationRequestInput
        {
            RegionCode = "449999",
            CustomerUscc = "91440300708461136U",
            ValidFrom = TestTime.Calendar.DateOf(Now).AddDays(-1),
            ValidUntil = TestTime.Calendar.DateOf(Now).AddDays(-2),
            Reason = null,
        };

        var result = await Authorizations.RequestAsync(await UserAsync(Gz), input);

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        var errors = result.ByField();
        Assert.Equal([ReasonCode.InvalidRegion], errors[AuthorizationFields.RegionCode]);
        Assert.Equal([ReasonCode.InvalidUscc], errors[AuthorizationFields.CustomerUscc]);
        Assert.Equal([ReasonCode.InvalidDate], errors[AuthorizationFields.ValidFrom]);
        Assert.Equal([ReasonCode.InvalidDate], errors[AuthorizationFields.ValidUntil]);
        Assert.Equal([ReasonCode.Required], errors[AuthorizationFields.Reason]);
        await using var db = await DbAsync();
        Assert.Equal(0, await db.CrossRegionAuthorizations.CountAsync());
    }

    [Fact]
    public async Task A_request_may_name_only_a_customer_the_reseller_can_see()
    {
        var gz = await UserAsync(Gz);

        var othersCustomer = await Authorizations.RequestAsync(gz, Request("440300", CustomerUscc("深圳南山")));
        var ownCustomer = await Authorizations.RequestAsync(gz, Request("440100", CustomerUscc("广州海珠")));

        Assert.Equal(UseCaseOutcome.Invalid, othersCustomer.Outcome);
        Assert.Equal(new Reason(UseCaseCode.UnknownCustomer, AuthorizationFields.CustomerUscc), Assert.Single(othersCustomer.Reasons));
        Assert.True(ownCustomer.Succeeded, ownCustomer.ToString());
        await using var db = await DbAsync();
        Assert.Equal(await CustomerIdAsync("广州海珠"), (await db.CrossRegionAuthorizations.SingleAsync()).CustomerId);
    }

    private AuthorizationRequestInput Request(string region, string? customerUscc = null) => new()
    {
        RegionCode = region,
        CustomerUscc = customerUscc,
        ValidFrom = TestTime.Calendar.DateOf(Now),
        ValidUntil = TestTime.Calendar.DateOf(Now).AddDays(30),
        Reason = "客户总部在外地，需要跨区服务",
    };
}
