using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real database with every migration applied, for integration tests of the data layer: a SQLite file in a temp
/// folder, or a fresh database on the PostgreSQL test server (<see cref="PostgreSqlServer"/>), dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string? _postgreSqlDatabase;

    private TestDatabase(DatabaseProvider provider)
    {
        Options = new DatabaseOptions { Provider = provider, DataDirectory = _folder.Path };
        var configuration = new ConfigurationBuilder();
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgreSqlDatabase = PostgreSqlServer.NewDatabaseName();
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:PostgreSql"] = PostgreSqlServer.ConnectionStringFor(_postgreSqlDatabase) });
        }

        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, configuration.Build(), Options, _folder.Path);
        ContextOptions = builder.Options;
    }

    public DatabaseOptions Options { get; }

    public DbContextOptions<PortalDbContext> ContextOptions { get; }

    public string FilePath => Path.Combine(_folder.Path, Options.FileName);

    /// <summary>A migrated SQLite file.</summary>
    public static Task<TestDatabase> CreateAsync() => CreateAsync(DatabaseProvider.Sqlite);

    /// <summary>A database on the engine, brought from empty to the latest migration as the portal does at start-up.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase(provider);
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    /// <summary>A context over every record (tests check what is stored, whoever it belongs to).</summary>
    public PortalDbContext CreateContext() => new PortalDbContext(ContextOptions).WithScope(DataScope.All);

    public async ValueTask DisposeAsync()
    {
        if (_postgreSqlDatabase is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_postgreSqlDatabase);
        }

        _folder.Dispose();
    }
}
