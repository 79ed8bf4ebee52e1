using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;

namespace Portal.Tests.Integration;

/// <summary>The model stays provider-neutral: each provider's migrations match it, and SQL Server's script builds.</summary>
public sealed class ProviderMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Neither_provider_has_pending_model_changes(DatabaseProvider provider)
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
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var sqlServer = Context(DatabaseProvider.SqlServer);

        static IEnumerable<string> Names(PortalDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    private static PortalDbContext Context(DatabaseProvider provider)
    {
        var options = new DatabaseOptions { Provider = provider, DataDirectory = Path.GetTempPath() };
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new ConfigurationBuilder().Build(), options, Path.GetTempPath());
        return new PortalDbContext(builder.Options);
    }
}
