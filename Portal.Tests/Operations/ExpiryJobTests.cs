using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Agents;
using Portal.Features.Authorizations;
using Portal.Features.Operations;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

public abstract class ExpiryJobTests<TFixture>(TFixture fixture) : AppTest<TFixture>(fixture)
    where TFixture : PortalAppFixture
{
    private ExpiryJob Job => Service<ExpiryJob>();

    private static DateTime Start => TestTime.Now;

    [Fact]
    public async Task A_hundred_days_on_the_demo_deals_are_expired_and_their_customers_freed()
    {
        var report = await Job.RunAsync(Start.AddDays(100));

        Assert.Equal(new ExpiryRunReport(DealsExpired: 4, ProtectionsEnded: 4, AuthorizationsExpired: 0, AgentsReinstated: 0, ContractsExpired: 0), report);
        await using var db = await DbAsync();
        var customerId = await CustomerIdAsync("天河软件园");
        var deal = await db.Deals.SingleAsync(d => d.CustomerId == customerId);
        var protection = await db.CustomerProtections.SingleAsync(p => p.CustomerId == customerId);
        Assert.Equal(DealStatus.Expired, deal.Status);
        Assert.Equal((protection.Until, ProtectionEnd.Expired), (protection.EndedAt, protection.EndReason));
        Assert.Equal(0, await db.CustomerProtections.CountAsync(p => p.EndedAt == null));
    }

    [Fact]
    public async Task A_penalty_not_appealed_in_its_window_closes_its_case_once()
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        var penalty = (await Penalties.PenalizeAsync(await UserAsync(Compliance), id, new Portal.Features.Compliance.PenaltyInput())).Value!;

        var early = await Job.RunAsync(penalty.AppealDeadline.AddMinutes(-1));
        var due = await Job.RunAsync(penalty.AppealDeadline);
        var again = await Job.RunAsync(penalty.AppealDeadline.AddMinutes(1));

        Assert.Equal((0, 1, 0), (early.CasesClosed, due.CasesClosed, again.CasesClosed));
        await using var db = await DbAsync();
        var closed = await db.ViolationCases.SingleAsync(c => c.Id == id);
        Assert.Equal((Portal.Domain.Compliance.CaseState.Closed, (DateTime?)penalty.AppealDeadline), (closed.State, closed.ClosedAt));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "CaseClosed" && e.Actor == ExpiryJob.Actor));
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        await Job.RunAsync(Start.AddDays(100));
        var entries = (await AuditAsync()).Count;

        var second = await Job.RunAsync(Start.AddDays(100));

        Assert.Equal(0, second.Total);
        Assert.Equal(entries, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Every_change_is_audited_and_the_audit_chain_still_verifies()
    {
        await Job.RunAsync(Start.AddDays(100));

        var entries = await AuditAsync();

        Assert.Equal(4, entries.Count(e => e.Action == nameof(AuditAction.DealExpired) && e.EntityType == nameof(AuditEntity.Deal)));
        Assert.Equal(4, entries.Count(e => e.Action == nameof(AuditAction.ProtectionExpired)));
        Assert.All(entries.Where(e => e.Action is nameof(AuditAction.DealExpired) or nameof(AuditAction.ProtectionExpired)), e => Assert.Equal(ExpiryJob.Actor, e.Actor));
        Assert.True(AuditChain.Verify(entries).IsIntact);
    }

    [Fact]
    public void The_background_worker_is_off_in_tests_and_otherwise_runs_every_five_minutes()
    {
        var options = Service<IOptions<ExpiryJobOptions>>().Value;

        Assert.False(options.ExpiryJobEnabled);
        Assert.Equal(5, options.ExpiryIntervalMinutes);
        Assert.Equal(2, options.ExpiryBatchSize);
        Assert.True(new ExpiryJobOptions().ExpiryJobEnabled);
    }

    [Fact]
    public async Task Nothing_is_due_before_its_time()
    {
        var report = await Job.RunAsync(Start.AddDays(80).AddTicks(-1));

        Assert.Equal(0, report.Total);
    }

    [Fact]
    public async Task An_approved_authorization_expires_the_day_after_its_last_day()
    {
        var requested = await Service<CrossRegionAuthorizationService>().RequestAsync(await UserAsync(Gz), new AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = TestTime.Calendar.DateOf(Now),
            ValidUntil = TestTime.Calendar.DateOf(Now).AddDays(10),
            Reason = "深圳展会",
        });
        await Service<CrossRegionAuthorizationService>().ApproveAsync(await UserAsync(Manager), requested.Value!.Id, null);

        var onLastDay = await Job.RunAsync(Start.AddDays(10));
        var dayAfter = await Job.RunAsync(Start.AddDays(11));

        Assert.Equal(0, onLastDay.AuthorizationsExpired);
        Assert.Equal(1, dayAfter.AuthorizationsExpired);
        await using var db = await DbAsync();
        Assert.Equal(AuthorizationStatus.Expired, (await db.CrossRegionAuthorizations.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_suspension_that_has_run_out_is_lifted()
    {
        var sz = await AgentIdAsync("CORE-SZ");
        await Service<AgentAdministration>().SuspendAsync(await UserAsync(Manager), sz, new SuspensionInput { Until = TestTime.Today.AddDays(30), Note = "处罚" });
        var end = TestTime.Calendar.EndOfDay(TestTime.Today.AddDays(30));

        var before = await Job.RunAsync(end.AddTicks(-1));
        var after = await Job.RunAsync(end);

        Assert.Equal((0, 1), (before.AgentsReinstated, after.AgentsReinstated));
        await using var db = await DbAsync();
        var agent = await db.Agents.SingleAsync(a => a.Id == sz);
        Assert.Equal((ContractStatus.Active, (DateTime?)null), (agent.Status, agent.SuspendedUntil));
    }

    [Fact]
    public async Task Contracts_past_their_last_day_expire_and_a_suspended_agent_is_reinstated_first()
    {
        await Service<AgentAdministration>().SuspendAsync(await UserAsync(Manager), await AgentIdAsync("T1-SH"), new SuspensionInput { Until = TestTime.Today.AddDays(30), Note = "处罚" });
        // 23:00 on the contracts' last day, 31 December 2028, in China; an hour later the day is over there.
        var lastDay = TestTime.China(2028, 12, 31, 23);

        var onLastDay = await Job.RunAsync(lastDay);
        var dayAfter = await Job.RunAsync(lastDay.AddHours(1));

        Assert.Equal((1, 0), (onLastDay.AgentsReinstated, onLastDay.ContractsExpired));
        Assert.Equal(7, dayAfter.ContractsExpired);
        await using var db = await DbAsync();
        Assert.All(await db.Agents.ToListAsync(), a => Assert.Equal(ContractStatus.Expired, a.Status));
    }

    [Fact]
    public async Task Protections_of_developed_and_inherited_customers_lapse_at_their_end()
    {
        var customerId = await CustomerIdAsync("天河家居");
        await using (var db = await DbAsync())
        {
            db.CustomerProtections.Add(new CustomerProtection(customerId, await AgentIdAsync("T1-TIANHE"), ProtectionBasis.Sale, Start, Start.AddDays(20), null));
            await db.SaveChangesAsync();
        }

        var before = await Job.RunAsync(Start.AddDays(20).AddTicks(-1));
        var after = await Job.RunAsync(Start.AddDays(20));

        Assert.Equal((0, 1), (before.ProtectionsEnded, after.ProtectionsEnded));
        await using var check = await DbAsync();
        Assert.Equal(ProtectionEnd.Expired, (await check.CustomerProtections.SingleAsync(p => p.CustomerId == customerId)).EndReason);
    }

    /// <summary>Two records per transaction, so the four demo deals take more than one batch.</summary>
    internal static IReadOnlyDictionary<string, string> SmallBatches { get; } = new Dictionary<string, string> { ["Operations:ExpiryBatchSize"] = "2" };
}

public sealed class ExpiryJobTestsOnSqlite(ExpiryJobTestsOnSqlite.Fixture fixture) : ExpiryJobTests<ExpiryJobTestsOnSqlite.Fixture>(fixture)
{
    public sealed class Fixture : PortalAppFixture
    {
        protected override IReadOnlyDictionary<string, string>? Settings => SmallBatches;
    }
}

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class ExpiryJobTestsOnPostgreSql(ExpiryJobTestsOnPostgreSql.Fixture fixture) : ExpiryJobTests<ExpiryJobTestsOnPostgreSql.Fixture>(fixture)
{
    public sealed class Fixture : PostgreSqlAppFixture
    {
        protected override IReadOnlyDictionary<string, string>? Settings => SmallBatches;
    }
}
