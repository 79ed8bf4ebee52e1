using Microsoft.EntityFrameworkCore;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>The write-ahead log is copied into the database file by the background worker, not by a request.</summary>
public sealed class SqliteCheckpointsTests : IDisposable
{
    private readonly PortalAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_passive_checkpoint_copies_the_whole_log_without_waiting()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var registered = await _app.Services.GetRequiredService<DealRegistrationService>()
            .RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 41), "广州天河检查点科技有限公司", "440106"));
        Assert.True(registered.IsValid);

        var result = await _app.Services.GetRequiredService<SqliteCheckpoints>().CheckpointAsync();

        Assert.False(result.Busy);
        Assert.Equal(result.LogPages, result.CheckpointedPages);
    }

    [Fact]
    public async Task Portal_connections_leave_checkpoints_to_the_worker_up_to_the_backstop()
    {
        await using var db = await _app.CreateContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Assert.Equal(10_000L, (long)(await command.ExecuteScalarAsync())!);
    }
}
