using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Features.Compliance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>
/// The real portal on its own SQLite file (migrations applied, demo data seeded) with a <see cref="TestClock"/> in
/// place of the system clock — the demo data is seeded at its start, so the demo protections run from it — and the
/// compliance services as pages and endpoints get them.
/// </summary>
public sealed class ComplianceApp : PortalAppFactory
{
    /// <summary>A fixed start keeps every date in the tests reproducible (demo prices are in force from 2026-01-01).</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private AsyncServiceScope? _scope;

    public TestClock Clock { get; } = new(Start);

    public DateTime Now => Clock.UtcNow;

    /// <summary>A portal of its own for one test, started (migrated and seeded) before the test's first step.</summary>
    public static async Task<ComplianceApp> StartAsync()
    {
        var app = new ComplianceApp();
        await using var scope = app.Services.CreateAsyncScope();
        return app;
    }

    public ViolationCaseService Cases => Scoped.GetRequiredService<ViolationCaseService>();

    public PenaltyService Penalties => Scoped.GetRequiredService<PenaltyService>();

    public ViolationCaseQueries Queries => Scoped.GetRequiredService<ViolationCaseQueries>();

    /// <summary>One scope for the test, as one page's circuit would have.</summary>
    private IServiceProvider Scoped => (_scope ??= Services.CreateAsyncScope()).ServiceProvider;

    public Task<CurrentUser> ComplianceAsync() => TestUsers.ForAsync(this, "compliance@channels.local");

    public Task<CurrentUser> UserAsync(string email) => TestUsers.ForAsync(this, email);

    /// <summary>A reseller of the demo agent with this code, as the services see it.</summary>
    public async Task<CurrentUser> ResellerOfAsync(string agentCode)
    {
        var agent = await AgentAsync(agentCode);
        return new CurrentUser("reseller-" + agentCode, agentCode.ToLowerInvariant() + "@agents.example.cn", agentCode, [PortalRoles.Reseller], agent.Id, agent.Code, agent.Tier.ToString());
    }

    public async Task<Domain.Agents.Agent> AgentAsync(string code)
    {
        await using var db = await CreateContextAsync();
        return await db.Agents.AsNoTracking().SingleAsync(a => a.Code == code);
    }

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await CreateContextAsync();
        return await query(db);
    }

    /// <summary>
    /// A case against the agent, opened by Compliance, investigated and confirmed now (optionally Severe); the clock then
    /// moves on an hour so that successive cases are confirmed in order.
    /// </summary>
    public async Task<int> ConfirmedCaseAsync(string agentCode, bool severe = false, string type = "DiscountSelling")
    {
        var compliance = await ComplianceAsync();
        var opened = await Cases.OpenCaseAsync(compliance, new ManualCaseInput(agentCode, type, $"以低于统一售价的价格向客户报价（{agentCode}）"));
        Assert.True(opened.Succeeded, string.Join(", ", opened.Codes));
        var id = opened.Value!.CaseId;
        Assert.True((await Cases.StartInvestigationAsync(compliance, id)).Succeeded);
        var confirmed = await Cases.ConfirmAsync(compliance, id, severe);
        Assert.True(confirmed.Succeeded, string.Join(", ", confirmed.Codes));
        Clock.Advance(TimeSpan.FromHours(1));
        return id;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
