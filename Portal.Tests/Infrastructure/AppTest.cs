using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Data.Seed;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Features.Compliance;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A test against the real portal: its class boots one portal (<typeparamref name="TFixture"/>), and every test starts
/// from the demo data of DESIGN.md §6 at <c>TestTime.Start</c>, whatever the other tests changed.
/// </summary>
public abstract class AppTest<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : PortalAppFixture
{
    protected const string Manager = "manager@channels.local";
    protected const string Compliance = "compliance@channels.local";
    protected const string South = "south@channels.local";
    protected const string Gz = "gz@channels.local";
    protected const string Tianhe = "tianhe@channels.local";
    protected const string Yuexiu = "yuexiu@channels.local";
    protected const string Sz = "sz@channels.local";
    protected const string Sh = "sh@channels.local";

    protected PortalAppFactory App => fixture.App;

    protected FakeTimeProvider Clock => App.Clock;

    /// <summary>Now on the portal's clock.</summary>
    protected DateTime Now => App.Now;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected T Service<T>()
        where T : notnull => App.Service<T>();

    protected ViolationCaseService Cases => Service<ViolationCaseService>();

    protected PenaltyService Penalties => Service<PenaltyService>();

    protected CaseEvidenceService Evidence => Service<CaseEvidenceService>();

    protected ViolationCaseQueries Queries => Service<ViolationCaseQueries>();

    protected Task<CurrentUser> UserAsync(string email) => App.UserAsync(email);

    protected Task<PortalDbContext> DbAsync() => App.CreateContextAsync();

    protected async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await DbAsync();
        return await query(db);
    }

    protected async Task<Agent> AgentAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.Agents.AsNoTracking().SingleAsync(a => a.Code == code);
    }

    protected async Task<int> AgentIdAsync(string code) => (await AgentAsync(code)).Id;

    /// <summary>A reseller of the demo agent with this code, as the services see it (not one of the demo accounts).</summary>
    protected async Task<CurrentUser> ResellerOfAsync(string agentCode)
    {
        var agent = await AgentAsync(agentCode);
        return new CurrentUser("reseller-" + agentCode, agentCode.ToLowerInvariant() + "@agents.example.cn", agentCode, [PortalRoles.Reseller], agent.Id, agent.Code, agent.Tier.ToString());
    }

    /// <summary>The USCC of a demo customer, by (part of) its legal name.</summary>
    protected static string CustomerUscc(string nameContains) =>
        DemoData.CustomerUscc(DemoData.Customers.Single(c => c.LegalName.Contains(nameContains, StringComparison.Ordinal))).Value;

    protected async Task<int> CustomerIdAsync(string nameContains)
    {
        var uscc = CustomerUscc(nameContains);
        await using var db = await DbAsync();
        return await db.Customers.Where(c => c.Uscc == uscc).Select(c => c.Id).SingleAsync();
    }

    protected async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        await using var db = await DbAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>
    /// A case against the agent, opened by Compliance, investigated and confirmed now (optionally Severe); the clock then
    /// moves on an hour so that successive cases are confirmed in order.
    /// </summary>
    protected async Task<int> ConfirmedCaseAsync(string agentCode, bool severe = false, string type = "DiscountSelling")
    {
        var compliance = await UserAsync(Compliance);
        var cases = Service<ViolationCaseService>();
        var opened = await cases.OpenCaseAsync(compliance, new ManualCaseInput(agentCode, type, $"以低于统一售价的价格向客户报价（{agentCode}）"));
        Assert.True(opened.Succeeded, opened.ToString());
        var id = opened.Value.CaseId;
        Assert.True((await cases.StartInvestigationAsync(compliance, id)).Succeeded);
        var confirmed = await cases.ConfirmAsync(compliance, id, severe);
        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Clock.Advance(TimeSpan.FromHours(1));
        return id;
    }
}

/// <summary>A test against the real portal with the tests' default settings.</summary>
public abstract class AppTest(PortalAppFixture fixture) : AppTest<PortalAppFixture>(fixture);
