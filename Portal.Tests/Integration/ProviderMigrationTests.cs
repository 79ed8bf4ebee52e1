using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>The model stays provider-neutral: each provider's migrations match it, and SQL Server's script builds.</summary>
public sealed class ProviderMigrationTests
{
    /// <summary>
    /// The migrations every deployed database has already applied, as they were released. A database remembers only a
    /// migration's name: editing one (a table renamed in place) leaves every existing database on the old schema while the
    /// model expects the new one. A change to the schema is a new migration; a new migration is added here when released.
    /// </summary>
    private static readonly Dictionary<string, string> Released = new(StringComparer.Ordinal)
    {
        ["Portal.Migrations.SqlServer/Migrations/20261125085239_Initial.Designer.cs"] = "4dfcb0a9368fdb9d66c98f658c81a2138fdc19cc3fc0886ae182393740e3699b",
        ["Portal.Migrations.SqlServer/Migrations/20261125085239_Initial.cs"] = "447f2f05e538bf7a092fd78a3c11152fd76e69276dfde59ec14f86cfff743705",
        ["Portal.Migrations.SqlServer/Migrations/20261125121255_CustomerNameIndex.Designer.cs"] = "032be29497739d9184b5ba1d40614eca4ef1bcb86c23d1ad5a2f93d2523c60d4",
        ["Portal.Migrations.SqlServer/Migrations/20261125121255_CustomerNameIndex.cs"] = "9c77fa2d33eac3b3b18f42cd9ff24ac8617eb8f7c8fb9cac6428af926eb9d87d",
        ["Portal.Migrations.Sqlite/Migrations/20261125085226_Initial.Designer.cs"] = "3a0d1573a8780f117e2e5a2c08ddda8eabe4a07262da8f0d682940655c0ee0a1",
        ["Portal.Migrations.Sqlite/Migrations/20261125085226_Initial.cs"] = "dc142c11755781a35e4187bf35254eab57ccfdae183bae4f34c96ce46fbfa840",
        ["Portal.Migrations.Sqlite/Migrations/20261125121236_CustomerNameIndex.Designer.cs"] = "ed5e6be633cf6be7e17d9dfb52f3c51f6f9ef95765df0f83213737519e9b2075",
        ["Portal.Migrations.Sqlite/Migrations/20261125121236_CustomerNameIndex.cs"] = "a9451315b5fde4b4953c462f6c37b23642d8f740f7017bcf4d942d7b41788245",
        ["Portal.Migrations.SqlServer/Migrations/20261130153708_DashboardExpiringProtectionsIndex.Designer.cs"] = "451151531f7ffedb7a939bbb955d83f5fd05b5a0161fa98af4ed29b47dca7f72",
        ["Portal.Migrations.SqlServer/Migrations/20261130153708_DashboardExpiringProtectionsIndex.cs"] = "994fca8002be0d51b972af29ca88b1cb5ca62b83d043c11e2c71c586815bff5b",
        ["Portal.Migrations.Sqlite/Migrations/20261130153637_DashboardExpiringProtectionsIndex.Designer.cs"] = "b2d5db4dd8a181c077544fa6a94a085ac71017b6ae51e1caa7994cfb8cdd9af0",
        ["Portal.Migrations.Sqlite/Migrations/20261130153637_DashboardExpiringProtectionsIndex.cs"] = "a65f79f6de6de823fe31bdb9524fa2b6284c0de818bbd56d31d24aa33f1f5cc6",
        ["Portal.Migrations.PostgreSql/Migrations/20261130181738_BackgroundLeases.Designer.cs"] = "4ffeff4a0115f6c16d052a7e4a8c5d6f7bdcf9d56123e691e6af71a9760f74ae",
        ["Portal.Migrations.PostgreSql/Migrations/20261130181738_BackgroundLeases.cs"] = "7c6d2fe7b752282d29decd4fef3402fb6cdf5bff9642339092110615cf07e6e8",
        ["Portal.Migrations.SqlServer/Migrations/20261130181727_BackgroundLeases.Designer.cs"] = "f674865e23103d26f716cb8d558122c71b6c22f84e56bbb43a00b802d73c1bd8",
        ["Portal.Migrations.SqlServer/Migrations/20261130181727_BackgroundLeases.cs"] = "a7be4483c250d46ef4139564b9b20cdf35b2a3ca308ba15f38e6638b8e5d6e1e",
        ["Portal.Migrations.Sqlite/Migrations/20261130181719_BackgroundLeases.Designer.cs"] = "a04b2f126b5fae22beec5daa4cc74136636a6886224ad21bf4bb5e644127d90c",
        ["Portal.Migrations.Sqlite/Migrations/20261130181719_BackgroundLeases.cs"] = "bd7f93dae291f5857fbe4e6ba423531c7e96c28b8e8eece41c9b52f1de202ec2",
        ["Portal.Migrations.PostgreSql/Migrations/20261201001546_GridIndexes.Designer.cs"] = "f8d8a2ef86cc836bd2135bccfcc2f8e5988d8c40370d1fdf82d409ff75baadc9",
        ["Portal.Migrations.PostgreSql/Migrations/20261201001546_GridIndexes.cs"] = "b6b3856f6f5f927b903d4f2836dab2ce7f01ae1797fa042c8647980b827ac431",
        ["Portal.Migrations.SqlServer/Migrations/20261201001427_GridIndexes.Designer.cs"] = "36ad10d4b01f05982a0b929d59ac5da8f6ad31e1cc6fa8f654f19c39856efab5",
        ["Portal.Migrations.SqlServer/Migrations/20261201001427_GridIndexes.cs"] = "267b48e48d949bd715b902a00fa1a171ffb578bd2a7e5405d898bdabd08b5768",
        ["Portal.Migrations.Sqlite/Migrations/20261201001325_GridIndexes.Designer.cs"] = "360064d33aa1ebdd86650e8dc57355af959d797aeac63eef76e62e0868b1c264",
        ["Portal.Migrations.Sqlite/Migrations/20261201001325_GridIndexes.cs"] = "606f604b8e2c20425f40b7f453f4a9862b409a0349a05173279f4a9d92271f26",
        ["Portal.Migrations.PostgreSql/Migrations/20261201031535_ProtectionCountsFromTheIndex.Designer.cs"] = "dcfe10e8f9e24110bcbedd52269c1584dbc1d521a527368540889205f8921ddc",
        ["Portal.Migrations.PostgreSql/Migrations/20261201031535_ProtectionCountsFromTheIndex.cs"] = "8895918a69ea827a35013f2ab66a8f9114d01e7c2edc3bfa3eb2aab61aa5e18f",
        ["Portal.Migrations.SqlServer/Migrations/20261201031416_ProtectionCountsFromTheIndex.Designer.cs"] = "a2f22f6bf1f66a19374f8c6324f89cd00ff3d5c7a4cba7fd6c2b1648aab4780d",
        ["Portal.Migrations.SqlServer/Migrations/20261201031416_ProtectionCountsFromTheIndex.cs"] = "6cf82bacdddf2190167caf52ed004fac5e19dc083c68118af1ac6352dd7543a5",
        ["Portal.Migrations.Sqlite/Migrations/20261201031250_ProtectionCountsFromTheIndex.Designer.cs"] = "b62abbfc0ad78a1ddec88456ae1914c4c9f0e276ad52856cc6fa3b1460c0f96a",
        ["Portal.Migrations.Sqlite/Migrations/20261201031250_ProtectionCountsFromTheIndex.cs"] = "d0ce28a46f0da6743ebd1ad40b54905f36d4bfdd21148f37fecb85b2454d60c7",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void No_provider_has_pending_model_changes(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration for {provider}.");
    }

    [Fact]
    public void The_sql_server_idempotent_script_generates_with_the_protection_index()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_CustomerProtections_OpenPerCustomer]", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [EndedAt] IS NULL", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgresql_model_and_migrations_quote_the_partial_index_filters_with_double_quotes()
    {
        using var db = Context(DatabaseProvider.PostgreSql);
        var filters = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetFilter()).OfType<string>().ToList();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("\"EndedAt\" IS NULL", filters);
        Assert.All(filters, filter => Assert.DoesNotContain('[', filter));
        Assert.Contains("CREATE UNIQUE INDEX \"UX_CustomerProtections_OpenPerCustomer\"", script, StringComparison.Ordinal);
        Assert.Contains("WHERE \"EndedAt\" IS NULL", script, StringComparison.Ordinal);
        Assert.DoesNotContain("[EndedAt]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var sqlServer = Context(DatabaseProvider.SqlServer);

        static IEnumerable<string> Names(PortalDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Released_migrations_are_never_edited()
    {
        var folder = Path.Combine(SourceFiles.Root, "migrations");
        var present = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f.Contains("/Migrations/2", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Hash(Path.Combine(folder, f)), StringComparer.Ordinal);

        Assert.All(Released, released =>
        {
            Assert.True(present.ContainsKey(released.Key), $"{released.Key} was released and must stay.");
            Assert.True(released.Value == present[released.Key], $"{released.Key} was released and must not change: add a new migration instead.");
        });
    }

    private static string Hash(string file) =>
        Convert.ToHexStringLower(SHA256.HashData([.. File.ReadAllBytes(file).Where(b => b != (byte)'\r')]));

    /// <summary>A context for the provider with no connection string: enough for its model, migrations and scripts.</summary>
    internal static PortalDbContext Context(DatabaseProvider provider)
    {
        var options = new DatabaseOptions { Provider = provider, DataDirectory = Path.GetTempPath() };
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new ConfigurationBuilder().Build(), options, Path.GetTempPath());
        return new PortalDbContext(builder.Options);
    }
}

/// <summary>On a real PostgreSQL: an empty database is brought to the latest migration, with the invariants' indexes.</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.Name)]
public sealed class PostgreSqlMigrationTests
{
    [Fact]
    public async Task An_empty_database_is_migrated_to_the_latest_with_the_partial_unique_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = database.CreateContext();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var index = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'UX_CustomerProtections_OpenPerCustomer'").SingleAsync();
        Assert.Contains("UNIQUE", index, StringComparison.Ordinal);
        Assert.Contains("WHERE (\"EndedAt\" IS NULL)", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = database.CreateContext();

        await DatabaseSetup.MigrateAsync(db);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
