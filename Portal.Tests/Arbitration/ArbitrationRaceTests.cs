using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Arbitration;

/// <summary>
/// Arbitration racing a registration of the same customer by a third agent, many times over on a real database: the
/// customer never has two open protections, whoever commits first (ADR 4, ADR 0027) — on each engine.
/// </summary>
public abstract class ArbitrationRaceTests<TFixture>(TFixture fixture) : AppTest<TFixture>(fixture)
    where TFixture : PortalAppFixture
{
    private const int Rounds = 15;

    [Fact]
    public async Task A_transfer_racing_a_third_agents_registration_always_leaves_exactly_one_open_protection()
    {
        var (holder, target, rival, manager) = await PartiesAsync();
        var arbitration = Service<ProtectionArbitration>();
        var registrations = Service<DealRegistrationService>();

        for (var round = 0; round < Rounds; round++)
        {
            var uscc = DealInputs.NewUscc("440106", 7710 + round);
            var name = $"广州仲裁并发转移测试{round:D2}有限公司";
            Assert.Equal(DealStatus.Approved, (await registrations.RegisterAsync(holder, DealInputs.Registration(uscc, name, "440106"))).Value!.Status);

            var (moved, registered) = await RaceAsync(
                () => arbitration.TransferAsync(manager, uscc, target.AgentCode, "并发仲裁：移交。"),
                () => registrations.RegisterAsync(rival, DealInputs.Registration(uscc, name, "440106")));

            // The rival always meets a holder — the old one or the new one — so it is refused; the transfer always happens.
            Assert.True(moved.Succeeded, moved.ToString());
            Assert.Equal(DealStatus.Rejected, registered.Value!.Status);
            Assert.Contains(ReasonCode.CustomerProtected, registered.Value.Reasons.Select(r => r.Code));
            Assert.Equal([target.AgentId!.Value], await OpenHoldersAsync(uscc));
        }
    }

    [Fact]
    public async Task A_release_racing_a_third_agents_registration_always_leaves_at_most_the_registrant_holding()
    {
        var (holder, _, rival, manager) = await PartiesAsync();
        var arbitration = Service<ProtectionArbitration>();
        var registrations = Service<DealRegistrationService>();

        for (var round = 0; round < Rounds; round++)
        {
            var uscc = DealInputs.NewUscc("440106", 7740 + round);
            var name = $"广州仲裁并发释放测试{round:D2}有限公司";
            await registrations.RegisterAsync(holder, DealInputs.Registration(uscc, name, "440106"));

            var (released, registered) = await RaceAsync(
                () => arbitration.ReleaseAsync(manager, uscc, "并发仲裁：释放。"),
                () => registrations.RegisterAsync(rival, DealInputs.Registration(uscc, name, "440106")));

            // Released first: the rival's registration is approved and it holds the customer alone; otherwise it was
            // refused and nobody holds it.
            Assert.True(released.Succeeded, released.ToString());
            var holders = await OpenHoldersAsync(uscc);
            if (registered.Value!.Status == DealStatus.Approved)
            {
                Assert.Equal([rival.AgentId!.Value], holders);
            }
            else
            {
                Assert.Empty(holders);
            }
        }
    }

    private async Task<(CurrentUser Holder, CurrentUser Target, CurrentUser Rival, CurrentUser Manager)> PartiesAsync()
    {
        var agents = await RaceAgents.CreateActiveAsync(App, 3, "440000");
        return (agents[0], agents[1], agents[2], await UserAsync(Manager));
    }

    private static async Task<(T1, T2)> RaceAsync<T1, T2>(Func<Task<T1>> first, Func<Task<T2>> second)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Task.Run(async () => { await start.Task; return await first(); });
        var b = Task.Run(async () => { await start.Task; return await second(); });
        start.SetResult();
        return (await a, await b);
    }

    private async Task<List<int>> OpenHoldersAsync(string uscc)
    {
        await using var db = await DbAsync();
        var id = await db.Customers.Where(c => c.Uscc == uscc).Select(c => c.Id).SingleAsync();
        return await db.CustomerProtections.Where(p => p.CustomerId == id && p.EndedAt == null).Select(p => p.AgentId).ToListAsync();
    }
}

public sealed class ArbitrationRaceTestsOnSqlite(PortalAppFixture fixture) : ArbitrationRaceTests<PortalAppFixture>(fixture);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class ArbitrationRaceTestsOnPostgreSql(PostgreSqlAppFixture fixture) : ArbitrationRaceTests<PostgreSqlAppFixture>(fixture);
