using Portal.Domain.Agents;

namespace Portal.Tests.Builders;

/// <summary>The demo hierarchy of DESIGN.md §6, as snapshots.</summary>
internal static class DemoAgents
{
    public static AgentSnapshot SpSouth(ContractStatus status = ContractStatus.Active) =>
        AgentBuilder.Strategic().WithId(1).Coded("SP-SOUTH").In("440000", "450000", "460000").WithStatus(status).Build();

    public static AgentSnapshot CoreGz(ContractStatus status = ContractStatus.Active) =>
        AgentBuilder.Core().WithId(2).Coded("CORE-GZ").In("440100").Under(SpSouth()).WithStatus(status).Build();

    public static AgentSnapshot T1Tianhe() => AgentBuilder.Tier1().WithId(3).Coded("T1-TIANHE").In("440106").Under(CoreGz()).Build();

    public static AgentSnapshot T2Yuexiu() => AgentBuilder.Tier2().WithId(4).Coded("T2-YUEXIU").In("440104").Under(CoreGz()).Build();

    public static AgentSnapshot CoreSz() => AgentBuilder.Core().WithId(5).Coded("CORE-SZ").In("440300").Build();

    public static AgentSnapshot CoreBj() => AgentBuilder.Core().WithId(6).Coded("CORE-BJ").In("110000").Build();

    public static AgentSnapshot T1Sh() => AgentBuilder.Tier1().WithId(7).Coded("T1-SH").In("310000").Build();
}
