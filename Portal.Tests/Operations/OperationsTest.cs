using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Seed;
using Portal.Domain.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>
/// Each test gets its own portal and database (xUnit makes a new instance per test), so the demo data is as
/// DESIGN.md §6 describes it whatever the other tests changed.
/// </summary>
public abstract class OperationsTest : IAsyncLifetime
{
    protected const string Manager = "manager@channels.local";
    protected const string Compliance = "compliance@channels.local";
    protected const string South = "south@channels.local";
    protected const string Gz = "gz@channels.local";
    protected const string Tianhe = "tianhe@channels.local";
    protected const string Yuexiu = "yuexiu@channels.local";
    protected const string Sz = "sz@channels.local";
    protected const string Sh = "sh@channels.local";

    internal OperationsApp App { get; private set; } = null!;

    internal TestClock Clock => App.Clock;

    /// <summary>Settings for this class's portal (none by default).</summary>
    internal virtual IReadOnlyDictionary<string, string>? Settings => null;

    public Task InitializeAsync()
    {
        App = new OperationsApp(Settings);
        _ = App.Services;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    protected T Service<T>()
        where T : notnull => App.Service<T>();

    protected Task<CurrentUser> UserAsync(string email) => TestUsers.ForAsync(App, email);

    protected Task<PortalDbContext> DbAsync() => App.CreateContextAsync();

    protected async Task<int> AgentIdAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.Agents.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
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
}
