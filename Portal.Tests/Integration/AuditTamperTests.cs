using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Features.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Tampering with any one stored audit entry — changing it or deleting it — is detected by verification.</summary>
public sealed class AuditTamperTests(PortalAppFixture fixture) : AppTest(fixture)
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
