using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Features;
using Portal.Features.Audit;
using Portal.Features.Notifications;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// SQL Server runs with a retrying execution strategy (connection resiliency), which refuses a transaction begun
/// outside it. The same kind of strategy on a real SQLite file shows that every write goes through it — and, with a
/// model of its own, that the compiled queries serve every model in the process.
/// </summary>
public sealed class ExecutionStrategyTests
{
    [Fact]
    public async Task A_use_case_and_an_audit_record_commit_under_a_retrying_execution_strategy()
    {
        await using var database = await TestDatabase.CreateAsync();

        // First an entry through the ordinary model: the compiled audit-head query then meets a second model below.
        await using (var plain = database.CreateContext())
        {
            await AuditWriter.AppendAsync(plain, TestTime.Now, new AuditRecord("tester", AuditAction.DemoDataSeeded, AuditEntity.Database, "0"));
            await plain.SaveChangesAsync();
        }

        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new ConfigurationBuilder().Build(), database.Options, Path.GetDirectoryName(database.FilePath)!);
        builder.UseSqlite(sqlite => sqlite.ExecutionStrategy(d => new AlwaysRetrying(d)))
            .ReplaceService<IModelCacheKeyFactory, SeparateModel>();
        var writes = new ChannelWrites(new PortalData(new Factory(builder.Options)), new NotificationOutbox(new FakeTimeProvider(TestTime.Start), Options.Create(new MailOptions()), new NotificationSignal()), NullLogger<ChannelWrites>.Instance);
        var audit = new AuditTrail(writes, new FakeTimeProvider(TestTime.Start));

        var agents = await writes.RunAsync<int>("Test", async (db, ct) =>
        {
            await audit.AppendAsync(db, new AuditRecord("tester", AuditAction.SignIn, AuditEntity.User, "1"), ct);
            return UseCaseResult.Ok(await db.Agents.CountAsync(ct));
        });
        await audit.RecordAsync(new AuditRecord("tester", AuditAction.SignInFailed, AuditEntity.User, "2"));

        Assert.Equal(0, agents.Value);
        await using var check = database.CreateContext();
        Assert.Equal(
            [nameof(AuditAction.DemoDataSeeded), nameof(AuditAction.SignIn), nameof(AuditAction.SignInFailed)],
            await check.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    private sealed class AlwaysRetrying(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }

    /// <summary>Gives these contexts a model of their own, as another provider or configuration in the process would.</summary>
    private sealed class SeparateModel : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), designTime, nameof(SeparateModel));
    }

    private sealed class Factory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }
}
