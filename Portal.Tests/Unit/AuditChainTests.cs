using Portal.Domain.Audit;

namespace Portal.Tests.Unit;

public sealed class AuditChainTests
{
    private static readonly DateTime At = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesVerified);
    }

    [Fact]
    public void An_entry_keeps_its_time_to_the_whole_microsecond_that_every_engine_stores()
    {
        // PostgreSQL keeps microseconds: a time with 100 ns ticks would be read back different from what was hashed.
        var entry = AuditChain.Append((AuditLink?)null, At.AddTicks(1_234_567), "actor", "Act", "Deal", "1");

        Assert.Equal(At.AddTicks(1_234_560), entry.At);
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void Each_entry_links_to_the_previous_hash()
    {
        var chain = Chain(3);

        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
    }

    [Fact]
    public void A_deleted_entry_is_reported_at_its_sequence()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(AuditBreak.MissingEntry, result.Break);
    }

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            chain.Add(AuditChain.Append(chain.LastOrDefault(), At.AddMinutes(i), "tester", "Test", "Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return chain;
    }
}
