using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>
/// The disqualification cascade (DESIGN.md §4) carried out on the demo tree: SP-SOUTH → CORE-GZ → {T1-TIANHE, T2-YUEXIU};
/// CORE-SZ vendor-signed. Each of CORE-GZ, T1-TIANHE, T2-YUEXIU and CORE-SZ holds one customer through an approved deal.
/// </summary>
public abstract class DisqualificationCascadeServiceTests<TFixture>(TFixture fixture) : AppTest<TFixture>(fixture)
    where TFixture : PortalAppFixture
{

    [Fact]
    public async Task Disqualifying_CORE_GZ_passes_its_customer_to_SP_SOUTH_and_moves_its_sub_agents_under_it()
    {
        var compliance = await UserAsync(Compliance);
        var (south, gz, tianhe, yuexiu) = (await AgentAsync("SP-SOUTH"), await AgentAsync("CORE-GZ"), await AgentAsync("T1-TIANHE"), await AgentAsync("T2-YUEXIU"));
        var gzDeal = await ReadAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.AgentId == gz.Id));
        var gzProtection = await ReadAsync(db => db.CustomerProtections.AsNoTracking().SingleAsync(p => p.AgentId == gz.Id));
        var id = await ConfirmedCaseAsync("CORE-GZ", severe: true);

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        Assert.True(result.Succeeded, string.Join(", ", result.Codes));
        Assert.Equal(ContractStatus.Revoked, (await AgentAsync("CORE-GZ")).Status);
        Assert.Equal(DealStatus.Cancelled, await ReadAsync(db => db.Deals.Where(d => d.Id == gzDeal.Id).Select(d => d.Status).SingleAsync()));

        // Customer protection: the old one ended as transferred, SP-SOUTH holds the customer until the same end.
        var protections = await ReadAsync(db => db.CustomerProtections.AsNoTracking().Where(p => p.CustomerId == gzProtection.CustomerId).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, protections.Count);
        Assert.Equal((ProtectionEnd?)ProtectionEnd.Transferred, protections[0].EndReason);
        Assert.Equal(Now, protections[0].EndedAt);
        var inherited = protections[1];
        Assert.Equal((south.Id, ProtectionBasis.Inherited, gzProtection.Until, Now, true), (inherited.AgentId, inherited.Basis, inherited.Until, inherited.Since, inherited.IsOpen));

        // The hierarchy: both sub-agents now hang under SP-SOUTH, and the closure table says so.
        Assert.Equal(south.Id, (await AgentAsync("T1-TIANHE")).ParentId);
        Assert.Equal(south.Id, (await AgentAsync("T2-YUEXIU")).ParentId);
        Assert.Equal([("SP-SOUTH", 1), ("T1-TIANHE", 0)], await AncestorsAsync(tianhe.Id));
        Assert.Equal([("SP-SOUTH", 1), ("T2-YUEXIU", 0)], await AncestorsAsync(yuexiu.Id));
        Assert.Equal([("CORE-GZ", 0), ("SP-SOUTH", 1)], await AncestorsAsync(gz.Id));
        Assert.Equal(["CORE-GZ", "SP-SOUTH", "T1-TIANHE", "T2-YUEXIU"], await VisibleAgentsAsync("SP-SOUTH"));
        Assert.Equal(["CORE-GZ"], await VisibleAgentsAsync("CORE-GZ"));

        // The sub-agents' own business is untouched.
        Assert.Equal(2, await ReadAsync(db => db.Deals.CountAsync(d => (d.AgentId == tianhe.Id || d.AgentId == yuexiu.Id) && d.Status == DealStatus.Approved)));

        // The outcome names everything, for the page to show and the parties to be told.
        var plan = result.Value!.Cascade!;
        Assert.Equal([gzDeal.Id], plan.DealsToCancel);
        Assert.Equal(["T1-TIANHE", "T2-YUEXIU"], plan.SubAgents.Select(s => s.AgentCode));
        Assert.Equal(
            [("CORE-GZ", CascadeNoticeKind.Disqualified), ("SP-SOUTH", CascadeNoticeKind.SubAgentDisqualified), ("T1-TIANHE", CascadeNoticeKind.ParentDisqualified), ("T2-YUEXIU", CascadeNoticeKind.ParentDisqualified)],
            plan.Notices.Select(n => (n.AgentCode, n.Kind)));

        // Audited record by record, and the chain still verifies.
        var entries = await ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            ["CasePenalized", "AgentRevoked", "DealCancelled", "ProtectionTransferred", "AgentReparented", "AgentReparented"],
            entries.SkipWhile(e => e.Action != "CasePenalized").Select(e => e.Action));
        Assert.True(AuditChain.Verify(entries).IsIntact);
        Assert.Contains(entries, e => e is { Action: "AgentReparented" } && e.EntityId == Id(tianhe.Id) && e.After!.Contains("SP-SOUTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_preview_shows_the_cascade_that_the_penalty_then_runs_and_changes_nothing()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("CORE-GZ", severe: true);
        var auditBefore = (await AuditAsync()).Count;

        var preview = (await Penalties.PreviewAsync(compliance, id)).Value!;
        var unchanged = ((await AgentAsync("CORE-GZ")).Status, (await AuditAsync()).Count);
        var plan = (await Penalties.PenalizeAsync(compliance, id, new PenaltyInput())).Value!.Cascade!;

        Assert.Equal((ContractStatus.Active, auditBefore), unchanged);
        Assert.Equal((PenaltyKind.Disqualification, "CORE-GZ"), (preview.Minimum, preview.AgentCode));
        var cascade = preview.Cascade!;
        Assert.Equal(
            (plan.DealsToCancel.Count, plan.Protections.Count(p => p.InheritedBy is not null), plan.Protections.Count(p => p.InheritedBy is null), plan.SubAgents.Count, plan.AuthorizationsToRevoke.Count),
            (cascade.DealsCancelled, cascade.CustomersToParent, cascade.CustomersReleased, cascade.SubAgentsMoved, cascade.AuthorizationsRevoked));
        Assert.Equal((1, 1, 0, 2), (cascade.DealsCancelled, cascade.CustomersToParent, cascade.CustomersReleased, cascade.SubAgentsMoved));
        Assert.Equal(plan.DealsToCancel, cascade.Deals.Select(d => d.Id));
        Assert.Equal([("T1-TIANHE", "SP-SOUTH"), ("T2-YUEXIU", "SP-SOUTH")], cascade.SubAgents.Select(a => (a.Code, a.ToAgentCode!)));
        Assert.Equal("SP-SOUTH", Assert.Single(cascade.Customers).ToAgentCode);
    }

    [Fact]
    public async Task A_cascade_interrupted_halfway_leaves_nothing_changed()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("CORE-GZ", severe: true);
        var before = await ChannelStateAsync();
        await using (var db = await DbAsync())
        {
            // The sub-agents' move comes after the revocation, the cancelled deal and the handed-over protection.
            foreach (var statement in InterruptingTrigger(DatabaseProviders.Of(db.Database)).Create)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Penalties.PenalizeAsync(compliance, id, new PenaltyInput()));
        }
        finally
        {
            await using var db = await DbAsync();
            foreach (var statement in InterruptingTrigger(DatabaseProviders.Of(db.Database)).Drop)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        Assert.Equal(before, await ChannelStateAsync());
        Assert.Equal(CaseState.Confirmed, (await Queries.GetAsync(compliance, id))!.State);
    }

    /// <summary>A trigger that fails any change of an agent's parent, in each engine's own dialect.</summary>
    private static (string[] Create, string[] Drop) InterruptingTrigger(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => (
            ["CREATE TRIGGER interrupt_cascade BEFORE UPDATE OF ParentId ON Agents BEGIN SELECT RAISE(ABORT, 'interrupted'); END;"],
            ["DROP TRIGGER interrupt_cascade;"]),
        DatabaseProvider.PostgreSql => (
            [
                "CREATE FUNCTION interrupt_cascade() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'interrupted'; END $$;",
                "CREATE TRIGGER interrupt_cascade BEFORE UPDATE OF \"ParentId\" ON \"Agents\" FOR EACH ROW EXECUTE FUNCTION interrupt_cascade();",
            ],
            ["DROP TRIGGER interrupt_cascade ON \"Agents\";", "DROP FUNCTION interrupt_cascade();"]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    // Everything a disqualification of CORE-GZ would touch, as one comparable text.
    private Task<string> ChannelStateAsync() => ReadAsync(async db =>
    {
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Code}:{a.Status}:{a.ParentId}").ToListAsync();
        var deals = await db.Deals.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}").ToListAsync();
        var protections = await db.CustomerProtections.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.AgentId}:{p.EndedAt}").ToListAsync();
        var links = await db.AgentLinks.CountAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join("|", agents.Concat(deals).Concat(protections).Append($"links {links}").Append($"audit {audit}"));
    });

    [Fact]
    public async Task Disqualifying_a_vendor_signed_agent_releases_its_customer_and_cancels_every_open_registration()
    {
        var compliance = await UserAsync(Compliance);
        var sz = await AgentAsync("CORE-SZ");
        var (approved, extension, pending, authorization) = await GiveCoreSzOpenBusinessAsync(sz.Id);
        var held = await ReadAsync(db => db.CustomerProtections.AsNoTracking().Where(p => p.AgentId == sz.Id).Select(p => p.CustomerId).ToListAsync());
        var id = await ConfirmedCaseAsync("CORE-SZ", severe: true);

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        Assert.True(result.Succeeded, string.Join(", ", result.Codes));
        Assert.Equal(ContractStatus.Revoked, (await AgentAsync("CORE-SZ")).Status);
        var deals = await ReadAsync(db => db.Deals.AsNoTracking().Include(d => d.Reasons).Where(d => d.AgentId == sz.Id).ToDictionaryAsync(d => d.Id));
        Assert.Equal(DealStatus.Cancelled, deals[approved].Status);
        Assert.Equal(DealStatus.Cancelled, deals[extension].Status);
        Assert.Equal(DealStatus.Rejected, deals[pending].Status);
        Assert.Contains(deals[pending].Reasons, r => r.Code == ReasonCode.AgentNotActive);
        var ended = await ReadAsync(db => db.CustomerProtections.AsNoTracking().Where(p => p.AgentId == sz.Id).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(ended, p => Assert.Equal((ProtectionEnd?)ProtectionEnd.Released, p.EndReason));
        Assert.False(await ReadAsync(db => db.CustomerProtections.AnyAsync(p => held.Contains(p.CustomerId) && p.EndedAt == null)));
        Assert.Equal(AuthorizationStatus.Revoked, await ReadAsync(db => db.CrossRegionAuthorizations.Where(a => a.Id == authorization).Select(a => a.Status).SingleAsync()));
        Assert.Empty(result.Value!.Cascade!.SubAgents);
        Assert.Equal([("CORE-SZ", CascadeNoticeKind.Disqualified)], result.Value.Cascade.Notices.Select(n => (n.AgentCode, n.Kind)));
        var actions = await ReadAsync(db => db.AuditEntries.Where(e => e.Action != "CasePenalized").OrderByDescending(e => e.Sequence).Take(7).Select(e => e.Action).ToListAsync());
        Assert.Equal(["AuthorizationRevoked", "ProtectionReleased", "ProtectionReleased", "DealCancelled", "DealRejected", "DealCancelled", "AgentRevoked"], actions);
        Assert.True(AuditChain.Verify(await ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())).IsIntact);
    }

    [Fact]
    public async Task When_the_parent_is_not_active_the_customers_are_released_but_the_sub_agents_still_move_under_it()
    {
        var compliance = await UserAsync(Compliance);
        var southCase = await ConfirmedCaseAsync("SP-SOUTH");
        await Penalties.PenalizeAsync(compliance, southCase, new PenaltyInput("Suspension", Reason: "放任下级代理跨区销售。"));
        var south = await AgentAsync("SP-SOUTH");
        var gz = await AgentAsync("CORE-GZ");
        var gzProtection = await ReadAsync(db => db.CustomerProtections.AsNoTracking().SingleAsync(p => p.AgentId == gz.Id));
        var id = await ConfirmedCaseAsync("CORE-GZ", severe: true);

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        Assert.True(result.Succeeded);
        Assert.Equal(ContractStatus.Suspended, south.Status);
        Assert.Equal((ProtectionEnd?)ProtectionEnd.Released, (await ReadAsync(db => db.CustomerProtections.AsNoTracking().SingleAsync(p => p.Id == gzProtection.Id))).EndReason);
        Assert.False(await ReadAsync(db => db.CustomerProtections.AnyAsync(p => p.CustomerId == gzProtection.CustomerId && p.EndedAt == null)));
        Assert.Equal(south.Id, (await AgentAsync("T1-TIANHE")).ParentId);
    }

    [Fact]
    public async Task A_revoked_agent_cannot_be_disqualified_twice()
    {
        var compliance = await UserAsync(Compliance);
        var first = await ConfirmedCaseAsync("CORE-SZ", severe: true);
        await Penalties.PenalizeAsync(compliance, first, new PenaltyInput());
        var second = await ConfirmedCaseAsync("CORE-SZ", severe: true);
        var entries = await ReadAsync(db => db.AuditEntries.LongCountAsync());

        var result = await Penalties.PenalizeAsync(compliance, second, new PenaltyInput());

        Assert.Equal([UseCaseCode.PenaltyNotApplicable], result.Codes);
        Assert.Equal(entries, await ReadAsync(db => db.AuditEntries.LongCountAsync()));
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<(string Code, int Depth)>> AncestorsAsync(int agentId) =>
        ReadAsync(async db =>
        {
            var rows = await db.AgentLinks.Where(l => l.DescendantId == agentId)
                .Join(db.Agents, l => l.AncestorId, a => a.Id, (l, a) => new { a.Code, l.Depth })
                .ToListAsync();
            return rows.Select(r => (r.Code, r.Depth)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        });

    private async Task<List<string>> VisibleAgentsAsync(string agentCode)
    {
        var data = Service<PortalData>();
        await using var db = await data.ForAsync(await ResellerOfAsync(agentCode));
        return await db.Agents.Select(a => a.Code).OrderBy(c => c).ToListAsync();
    }

    /// <summary>
    /// CORE-SZ's demo deal awaits an extension; it also has a registration in manual review, one approved on another
    /// free customer, and an approved cross-region authorization.
    /// </summary>
    private async Task<(int Approved, int Extension, int Pending, int Authorization)> GiveCoreSzOpenBusinessAsync(int agentId)
    {
        await using var db = await DbAsync();
        var now = Now;
        var demoDeal = await db.Deals.SingleAsync(d => d.AgentId == agentId);
        demoDeal.RequestExtension("客户采购流程延长。", now);
        var free = await db.Customers.Where(c => !db.CustomerProtections.Any(p => p.CustomerId == c.Id)).OrderBy(c => c.Id).Take(2).ToListAsync();
        var pending = new DealRegistration(agentId, free[0].Id, DateOnly.FromDateTime(now.AddDays(30)), [new DealLine("OIS-STD", 2, 1980m, 1980m, 1188m)], now);
        pending.Submit(now);
        pending.SendToReview([new DealReason(ReasonCode.PossibleDuplicate, "customer.name")]);
        var approved = new DealRegistration(agentId, free[1].Id, DateOnly.FromDateTime(now.AddDays(30)), [new DealLine("OIS-PRO", 1, 3980m, 3980m, 2388m)], now);
        approved.Submit(now);
        approved.Approve(now, now.AddDays(90));
        var authorization = new CrossRegionAuthorization(agentId, RegionCode.Parse("440100"), null, DateOnly.FromDateTime(now), DateOnly.FromDateTime(now.AddDays(60)), "承接广州客户项目。", now);
        authorization.Approve("manager@channels.local", now);
        db.AddRange(pending, approved, authorization);
        await db.SaveChangesAsync();
        db.CustomerProtections.Add(new CustomerProtection(free[1].Id, agentId, ProtectionBasis.Registration, now, now.AddDays(90), approved.Id));
        await db.SaveChangesAsync();
        return (approved.Id, demoDeal.Id, pending.Id, authorization.Id);
    }
}

public sealed class DisqualificationCascadeServiceTestsOnSqlite(PortalAppFixture fixture) : DisqualificationCascadeServiceTests<PortalAppFixture>(fixture);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class DisqualificationCascadeServiceTestsOnPostgreSql(PostgreSqlAppFixture fixture) : DisqualificationCascadeServiceTests<PostgreSqlAppFixture>(fixture);
