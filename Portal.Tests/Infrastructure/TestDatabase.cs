using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>A real SQLite file with every migration applied, for integration tests of the data layer.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();

    private TestDatabase()
    {
        Options = new DatabaseOptions { DataDirectory = _folder.Path };
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new ConfigurationBuilder().Build(), Options, _folder.Path);
        ContextOptions = builder.Options;
    }

    public DatabaseOptions Options { get; }

    public DbContextOptions<PortalDbContext> ContextOptions { get; }

    public string FilePath => Path.Combine(_folder.Path, Options.FileName);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    /// <summary>A context over every record (tests check what is stored, whoever it belongs to).</summary>
    public PortalDbContext CreateContext() => new PortalDbContext(ContextOptions).WithScope(DataScope.All);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
