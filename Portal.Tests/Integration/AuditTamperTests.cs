using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Features.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Tampering with any one stored audit entry — changing it or deleting it — is detected by verification.</summary>
public abstract class AuditTamperTests<TFixture>(TFixture fixture) : AppTest<TFixture>(fixture)
    where TFixture : PortalAppFixture
{
    private const int Entries = 6;
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var trail = Service<AuditTrail>();
        for (var i = 0; i < Entries - 1; i++)
        {
            await trail.RecordAsync(new AuditRecord("tester@channels.local", AuditAction.CaseNoteAdded, AuditEntity.ViolationCase, $"{i}", After: new { state = i }));
        }
    }

    [Fact]
    public async Task An_untouched_log_verifies_with_its_head()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact);
        Assert.Equal(Entries, result.EntriesVerified);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(Entries)]
    public async Task Changing_any_entry_is_detected_at_that_entry(long sequence)
    {
        await ExecuteAsync($"UPDATE \"AuditLog\" SET \"After\" = 'forged' WHERE \"Sequence\" = {sequence}");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(sequence, result.BrokenAtSequence);
        Assert.Equal(AuditBreak.ContentAltered, result.Break);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(Entries)]
    public async Task Deleting_any_entry_is_detected_at_that_entry(long sequence)
    {
        await ExecuteAsync($"DELETE FROM \"AuditLog\" WHERE \"Sequence\" = {sequence}");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(sequence, result.BrokenAtSequence);
        Assert.Equal(AuditBreak.MissingEntry, result.Break);
    }

    [Fact]
    public async Task Rewriting_an_entry_with_a_fresh_hash_breaks_the_next_link()
    {
        await using (var db = await DbAsync())
        {
            var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            var forged = AuditChain.Append(entries[1], entries[2].At, "forger", entries[2].Action, entries[2].EntityType, "x", after: "forged");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Actor\" = {forged.Actor}, \"EntityId\" = {forged.EntityId}, \"After\" = {forged.After}, \"Hash\" = {forged.Hash} WHERE \"Sequence\" = 3");
        }

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Equal(AuditBreak.PreviousHashMismatch, result.Break);
    }

    [Fact]
    public async Task Removing_the_newest_entries_with_the_head_passes_alone_but_fails_against_a_kept_checkpoint()
    {
        var checkpoint = await Service<AuditCheckpoints>().RecordAsync(Now);
        var again = await Service<AuditCheckpoints>().RecordAsync(Now.AddHours(1));
        await ExecuteAsync($"DELETE FROM \"AuditLog\" WHERE \"Sequence\" >= {Entries - 1}");
        await ExecuteAsync("DELETE FROM \"AuditHead\"");

        var alone = await VerifyAsync();
        var compliance = await UserAsync(Compliance);
        var against = await Service<AuditLogService>().VerifyAsync(compliance, new AuditLink(checkpoint!.Sequence, checkpoint.Hash));

        Assert.Null(again);
        Assert.Equal(Entries, checkpoint.Sequence);
        Assert.True(alone.IsIntact);
        Assert.False(against.IsIntact);
        Assert.Equal((AuditBreak?)AuditBreak.CheckpointMismatch, against.Break);
        Assert.Equal(Entries, against.BrokenAtSequence);
    }

    [Fact]
    public async Task An_intact_log_verifies_against_its_checkpoint_and_a_forged_checkpoint_does_not()
    {
        var checkpoint = (await Service<AuditCheckpoints>().RecordAsync(Now))!;
        await Service<AuditTrail>().RecordAsync(new AuditRecord("tester@channels.local", AuditAction.CaseNoteAdded, AuditEntity.ViolationCase, "9", After: new { state = 9 }));
        var compliance = await UserAsync(Compliance);

        var kept = await Service<AuditLogService>().VerifyAsync(compliance, new AuditLink(checkpoint.Sequence, checkpoint.Hash));
        var forged = await Service<AuditLogService>().VerifyAsync(compliance, new AuditLink(checkpoint.Sequence, new string('0', 64)));

        Assert.True(kept.IsIntact);
        Assert.Equal(Entries + 1, kept.HeadSequence);
        Assert.False(forged.IsIntact);
        Assert.Equal((AuditBreak?)AuditBreak.CheckpointMismatch, forged.Break);
    }

    [Fact]
    public async Task The_api_verifies_against_a_checkpoint_and_refuses_half_of_one()
    {
        var checkpoint = (await Service<AuditCheckpoints>().RecordAsync(Now))!;
        await ExecuteAsync($"DELETE FROM \"AuditLog\" WHERE \"Sequence\" = {Entries}");
        await ExecuteAsync("DELETE FROM \"AuditHead\"");
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);

        using var plain = System.Text.Json.JsonDocument.Parse(await compliance.GetStringAsync(new Uri("/api/v1/audit/verification", UriKind.Relative)));
        using var against = System.Text.Json.JsonDocument.Parse(await compliance.GetStringAsync(new Uri($"/api/v1/audit/verification?checkpointSequence={checkpoint.Sequence}&checkpointHash={checkpoint.Hash}", UriKind.Relative)));
        using var half = await compliance.GetAsync(new Uri($"/api/v1/audit/verification?checkpointSequence={checkpoint.Sequence}", UriKind.Relative));

        Assert.True(plain.RootElement.GetProperty("intact").GetBoolean());
        Assert.False(against.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal("CheckpointMismatch", against.RootElement.GetProperty("break").GetString());
        Assert.Equal(Entries, against.RootElement.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, half.StatusCode);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await DbAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        var compliance = await UserAsync(Compliance);
        return await Service<AuditLogService>().VerifyAsync(compliance);
    }
}

public sealed class AuditTamperTestsOnSqlite(PortalAppFixture fixture) : AuditTamperTests<PortalAppFixture>(fixture);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class AuditTamperTestsOnPostgreSql(PostgreSqlAppFixture fixture) : AuditTamperTests<PostgreSqlAppFixture>(fixture);
