using Microsoft.EntityFrameworkCore;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>The write-ahead log is copied into the database file by the background worker, not by a request.</summary>
public sealed class SqliteCheckpointsTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_passive_checkpoint_copies_the_whole_log_without_waiting()
    {
        var tianhe = await UserAsync(Tianhe);
        var registered = await Service<DealRegistrationService>()
            .RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 41), "广州天河检查点科技有限公司", "440106"));
        Assert.True(registered.Succeeded);

        var result = await Service<SqliteCheckpoints>().CheckpointAsync();

        Assert.False(result.Busy);
        Assert.Equal(result.LogPages, result.CheckpointedPages);
    }

    [Fact]
    public async Task Portal_connections_leave_checkpoints_to_the_worker_up_to_the_backstop()
    {
        await using var db = await DbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Assert.Equal(10_000L, (long)(await command.ExecuteScalarAsync())!);
    }
}
