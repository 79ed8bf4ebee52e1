using Portal.Domain.Agents;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>
/// The disqualification cascade on the demo tree SP-SOUTH (1) → CORE-GZ (2) → T1-TIANHE (3), T2-YUEXIU (4):
/// contract Revoked, open deals cancelled, customers to an Active parent or released, sub-agents re-parented.
/// </summary>
public sealed class DisqualificationCascadeTests
{
    private const int SpSouth = 1;
    private const int CoreGz = 2;
    private const int T1Tianhe = 3;
    private const int T2Yuexiu = 4;
    private static readonly DateTime Now = TestTime.Now;

    [Fact]
    public void Disqualifying_a_core_agent_under_an_active_partner_hands_everything_to_the_partner()
    {
        var plan = DisqualificationCascade.Plan(CoreGz, Snapshot(), Now);

        Assert.Equal(CoreGz, plan.AgentId);
        Assert.Equal("CORE-GZ", plan.AgentCode);
        Assert.Equal(ContractStatus.Revoked, plan.NewStatus);
        Assert.Equal([21, 22, 23, 24], plan.DealsToCancel);
        Assert.Equal(
            [
                new ProtectionHandover(31, 301, ProtectionEnd.Transferred, SpSouth, Now.AddDays(40)),
                new ProtectionHandover(32, 302, ProtectionEnd.Transferred, SpSouth, Now.AddMonths(8)),
                new ProtectionHandover(33, 303, ProtectionEnd.Expired, null, null),
            ],
            plan.Protections);
        Assert.Equal([new Reparenting(T1Tianhe, "T1-TIANHE", SpSouth), new Reparenting(T2Yuexiu, "T2-YUEXIU", SpSouth)], plan.SubAgents);
        Assert.Equal([41], plan.AuthorizationsToRevoke);
        Assert.Equal(
            [
                new CascadeNotice(CoreGz, "CORE-GZ", CascadeNoticeKind.Disqualified),
                new CascadeNotice(SpSouth, "SP-SOUTH", CascadeNoticeKind.SubAgentDisqualified),
                new CascadeNotice(T1Tianhe, "T1-TIANHE", CascadeNoticeKind.ParentDisqualified),
                new CascadeNotice(T2Yuexiu, "T2-YUEXIU", CascadeNoticeKind.ParentDisqualified),
            ],
            plan.Notices);
    }

    [Fact]
    public void Under_a_suspended_partner_the_customers_are_released_but_the_sub_agents_still_move_up()
    {
        var plan = DisqualificationCascade.Plan(CoreGz, Snapshot(spSouth: ContractStatus.Suspended), Now);

        Assert.Equal(
            [ProtectionEnd.Released, ProtectionEnd.Released, ProtectionEnd.Expired],
            plan.Protections.Select(p => p.End));
        Assert.All(plan.Protections, p => Assert.Null(p.InheritedBy));
        Assert.All(plan.SubAgents, s => Assert.Equal(SpSouth, s.NewParentId));
        Assert.Equal([21, 22, 23, 24], plan.DealsToCancel);
    }

    [Theory]
    [InlineData(ContractStatus.Active, true, SpSouth)]
    [InlineData(ContractStatus.Suspended, false, SpSouth)]
    [InlineData(ContractStatus.Expired, false, SpSouth)]
    [InlineData(ContractStatus.Revoked, false, null)]
    [InlineData(ContractStatus.Terminated, false, null)]
    public void The_parents_contract_decides_who_takes_the_customers_and_the_sub_agents(ContractStatus parentStatus, bool inherits, int? newParent)
    {
        var plan = DisqualificationCascade.Plan(CoreGz, Snapshot(spSouth: parentStatus), Now);

        Assert.Equal(inherits, plan.Protections.Any(p => p.End == ProtectionEnd.Transferred));
        Assert.All(plan.SubAgents, s => Assert.Equal(newParent, s.NewParentId));
    }

    [Theory]
    [InlineData(DealStatus.Submitted, true)]
    [InlineData(DealStatus.PendingReview, true)]
    [InlineData(DealStatus.Approved, true)]
    [InlineData(DealStatus.ExtensionRequested, true)]
    [InlineData(DealStatus.Draft, false)]
    [InlineData(DealStatus.Rejected, false)]
    [InlineData(DealStatus.Won, false)]
    [InlineData(DealStatus.Lost, false)]
    [InlineData(DealStatus.Expired, false)]
    [InlineData(DealStatus.Cancelled, false)]
    public void Only_open_deals_are_cancelled(DealStatus status, bool cancelled)
    {
        var snapshot = new DisqualificationSnapshot(Tree(), [new DealRef(9, CoreGz, 301, status)], [], []);

        Assert.Equal(cancelled, DisqualificationCascade.Plan(CoreGz, snapshot, Now).DealsToCancel.Contains(9));
    }

    [Fact]
    public void Disqualifying_a_root_agent_releases_its_customers_and_makes_its_sub_agents_vendor_signed()
    {
        var plan = DisqualificationCascade.Plan(SpSouth, Snapshot(), Now);

        Assert.Equal([new Reparenting(CoreGz, "CORE-GZ", null)], plan.SubAgents);
        Assert.Equal([new ProtectionHandover(35, 305, ProtectionEnd.Released, null, null)], plan.Protections);
        Assert.Equal([25], plan.DealsToCancel);
        Assert.Equal(
            [new CascadeNotice(SpSouth, "SP-SOUTH", CascadeNoticeKind.Disqualified), new CascadeNotice(CoreGz, "CORE-GZ", CascadeNoticeKind.ParentDisqualified)],
            plan.Notices);
    }

    [Fact]
    public void Disqualifying_a_leaf_agent_passes_its_customers_to_its_core_agent()
    {
        var plan = DisqualificationCascade.Plan(T1Tianhe, Snapshot(), Now);

        Assert.Equal([new ProtectionHandover(34, 304, ProtectionEnd.Transferred, CoreGz, Now.AddDays(10))], plan.Protections);
        Assert.Empty(plan.SubAgents);
        Assert.Equal([26], plan.DealsToCancel);
        Assert.Equal(["T1-TIANHE", "CORE-GZ"], plan.Notices.Select(n => n.AgentCode));
    }

    [Fact]
    public void Nothing_of_another_agent_is_touched()
    {
        var plan = DisqualificationCascade.Plan(CoreGz, Snapshot(), Now);

        Assert.DoesNotContain(26, plan.DealsToCancel); // T1-TIANHE's deal
        Assert.DoesNotContain(plan.Protections, p => p.ProtectionId is 34 or 35);
        Assert.DoesNotContain(42, plan.AuthorizationsToRevoke);
    }

    [Fact]
    public void An_agent_missing_from_the_snapshot_cannot_be_planned_for()
    {
        Assert.Throws<ArgumentException>(() => DisqualificationCascade.Plan(99, Snapshot(), Now));
    }

    private static AgentSnapshot[] Tree(ContractStatus spSouth = ContractStatus.Active) =>
        [DemoAgents.SpSouth(spSouth), DemoAgents.CoreGz(), DemoAgents.T1Tianhe(), DemoAgents.T2Yuexiu(), DemoAgents.CoreSz()];

    private static DisqualificationSnapshot Snapshot(ContractStatus spSouth = ContractStatus.Active) => new(
        Tree(spSouth),
        [
            new DealRef(21, CoreGz, 301, DealStatus.Approved),
            new DealRef(22, CoreGz, 302, DealStatus.PendingReview),
            new DealRef(23, CoreGz, 306, DealStatus.ExtensionRequested),
            new DealRef(24, CoreGz, 307, DealStatus.Submitted),
            new DealRef(20, CoreGz, 302, DealStatus.Won),
            new DealRef(25, SpSouth, 305, DealStatus.Approved),
            new DealRef(26, T1Tianhe, 304, DealStatus.Approved),
        ],
        [
            new ProtectionSnapshot(31, 301, CoreGz, ProtectionBasis.Registration, Now.AddDays(-50), Now.AddDays(40)),
            new ProtectionSnapshot(32, 302, CoreGz, ProtectionBasis.Sale, Now.AddMonths(-4), Now.AddMonths(8)),
            new ProtectionSnapshot(33, 303, CoreGz, ProtectionBasis.Registration, Now.AddDays(-95), Now.AddDays(-5)), // lapsed, not yet closed
            new ProtectionSnapshot(36, 306, CoreGz, ProtectionBasis.Registration, Now.AddDays(-200), Now.AddDays(-110), Now.AddDays(-110)), // history
            new ProtectionSnapshot(34, 304, T1Tianhe, ProtectionBasis.Registration, Now.AddDays(-80), Now.AddDays(10)),
            new ProtectionSnapshot(35, 305, SpSouth, ProtectionBasis.Registration, Now.AddDays(-5), Now.AddDays(85)),
        ],
        [
            new AuthorizationSnapshot(41, CoreGz, RegionCode.Parse("440300"), null, TestTime.Today.AddDays(-10), TestTime.Today.AddDays(20), AuthorizationStatus.Approved),
            new AuthorizationSnapshot(43, CoreGz, RegionCode.Parse("440400"), null, TestTime.Today.AddDays(-90), TestTime.Today.AddDays(-60), AuthorizationStatus.Expired),
            new AuthorizationSnapshot(42, T1Tianhe, RegionCode.Parse("440104"), null, TestTime.Today.AddDays(-10), TestTime.Today.AddDays(20), AuthorizationStatus.Approved),
        ]);
}
