using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Regions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Invariants the database itself enforces, whatever the application code does — on each engine.</summary>
public abstract class DatabaseInvariantTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Regions.AddRange(new Region(RegionCode.Parse("440000"), "广东省", "Guangdong"), new Region(RegionCode.Parse("440100"), "广州市", "Guangzhou"), new Region(RegionCode.Parse("440106"), "天河区", "Tianhe District"));
        db.Agents.Add(new Agent("A-ONE", "甲代理", Uscc.Create('9', '1', "440106", "MA5AAA01").Value, AgentTier.Tier1, null, Now));
        db.Agents.Add(new Agent("A-TWO", "乙代理", Uscc.Create('9', '1', "440106", "MA5AAA02").Value, AgentTier.Tier1, null, Now));
        db.Customers.Add(new Customer(Uscc.Create('9', '1', "440106", "MA5CCC01"), "广州某科技有限公司", RegionCode.Parse("440106"), CustomerSegment.GovernmentEnterprise, Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_second_open_protection_for_the_same_customer_is_refused()
    {
        var (customer, first, second) = await IdsAsync();
        await using (var db = _database.CreateContext())
        {
            db.CustomerProtections.Add(new CustomerProtection(customer, first, ProtectionBasis.Registration, Now, Now.AddDays(90), null));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            db.CustomerProtections.Add(new CustomerProtection(customer, second, ProtectionBasis.Registration, Now, Now.AddDays(90), null));
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("UNIQUE", error.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
        }

        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.CustomerProtections.CountAsync(p => p.CustomerId == customer && p.EndedAt == null));
    }

    [Fact]
    public async Task An_ended_protection_does_not_block_a_new_holder()
    {
        var (customer, first, second) = await IdsAsync();
        await using (var db = _database.CreateContext())
        {
            var old = new CustomerProtection(customer, first, ProtectionBasis.Registration, Now.AddDays(-100), Now.AddDays(-10), null);
            old.End(Now.AddDays(-10), ProtectionEnd.Expired);
            db.CustomerProtections.Add(old);
            db.CustomerProtections.Add(new CustomerProtection(customer, second, ProtectionBasis.Registration, Now, Now.AddDays(90), null));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var open = await check.CustomerProtections.SingleAsync(p => p.CustomerId == customer && p.EndedAt == null);
        Assert.Equal(second, open.AgentId);
    }

    [Fact]
    public async Task A_duplicate_uscc_is_refused()
    {
        await using var db = _database.CreateContext();
        db.Customers.Add(new Customer(Uscc.Create('9', '1', "440106", "MA5CCC01"), "另一个名字有限公司", RegionCode.Parse("440106"), CustomerSegment.Public, Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Enums_are_stored_as_their_names_and_times_come_back_as_utc()
    {
        await using var db = _database.CreateContext();
        var tier = await db.Database.SqlQueryRaw<string>("SELECT \"Tier\" AS \"Value\" FROM \"Agents\" WHERE \"Code\" = 'A-ONE'").SingleAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == "A-ONE");

        Assert.Equal("Tier1", tier);
        Assert.Equal(DateTimeKind.Utc, agent.CreatedAt.Kind);
        Assert.Equal(Now, agent.CreatedAt);
    }

    private async Task<(int Customer, int First, int Second)> IdsAsync()
    {
        await using var db = _database.CreateContext();
        var customer = await db.Customers.Select(c => c.Id).SingleAsync();
        var agents = await db.Agents.OrderBy(a => a.Code).Select(a => a.Id).ToListAsync();
        return (customer, agents[0], agents[1]);
    }
}

public sealed class DatabaseInvariantTestsOnSqlite() : DatabaseInvariantTests(DatabaseProvider.Sqlite);

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class DatabaseInvariantTestsOnPostgreSql() : DatabaseInvariantTests(DatabaseProvider.PostgreSql);
