using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Data;

/// <summary>Chooses the provider from <c>Database:Provider</c> and registers the context factory.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Portal.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Portal.Migrations.PostgreSql";

    /// <summary>The name under <c>ConnectionStrings</c> that a provider reads: the provider's own name.</summary>
    public static string ConnectionStringName(DatabaseProvider provider) => provider.ToString();

    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
    }

    /// <summary>The SQLite connection string: <c>ConnectionStrings:Sqlite</c> if set, else a file in the data folder.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, options.FileName),
            DefaultTimeout = options.BusyTimeoutSeconds,
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Registers the options and the context factory. Both read configuration when first resolved, so settings
    /// added late by a host (tests, command-line) are honoured. Contexts are pooled: a context is set up once and
    /// reset when disposed, instead of built for every operation (ADR 14); its visibility scope is reset with it.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReadOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddPooledDbContextFactory<PortalDbContext>((sp, builder) => Configure(
            builder,
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<DatabaseOptions>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, IConfiguration configuration, DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(SqliteConnectionString(configuration, options, contentRoot), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(new SqlitePragmas(options.BusyTimeoutSeconds));
                break;
            case DatabaseProvider.SqlServer:
                // Without a connection string the context can still generate the migration script for a DBA;
                // the portal itself refuses to start (see RequireConnectionString).
                var sqlServer = configuration.GetConnectionString(ConnectionStringName(options.Provider));
                if (string.IsNullOrWhiteSpace(sqlServer))
                {
                    builder.UseSqlServer(sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                }
                else
                {
                    builder.UseSqlServer(sqlServer, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure());
                }
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = configuration.GetConnectionString(ConnectionStringName(options.Provider));
                if (string.IsNullOrWhiteSpace(postgreSql))
                {
                    builder.UseNpgsql(pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                }
                else
                {
                    builder.UseNpgsql(postgreSql, pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly).EnableRetryOnFailure());
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        // Visibility filters hide ancestors' records from a reseller on purpose (docs/decisions/0008-visibility.md).
        // Lists count their matches only up to a bound, and a search gathers at most so many ids: a row limit with no
        // order on purpose, where any rows will do (docs/decisions/0043-grids-at-national-scale.md).
        builder.ConfigureWarnings(w => w.Ignore(
            Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning,
            Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    /// <summary>Start-up check: a server provider needs its connection string (<c>ConnectionStrings:SqlServer</c> or <c>ConnectionStrings:PostgreSql</c>).</summary>
    public static void RequireConnectionString(IConfiguration configuration, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = ConnectionStringName(options.Provider);
        if (options.Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(configuration.GetConnectionString(name)))
        {
            throw new InvalidOperationException($"Database:Provider is {options.Provider} but ConnectionStrings:{name} is not set.");
        }
    }

    /// <summary>The advisory lock key PostgreSQL instances migrate under ("CHANNELM" in ASCII, as a number).</summary>
    public const long PostgreSqlMigrationsLockKey = 0x4348_414E_4E45_4C4D;

    private static readonly string MigrationsLock = $"SELECT pg_advisory_lock({PostgreSqlMigrationsLockKey})";
    private static readonly string MigrationsUnlock = $"SELECT pg_advisory_unlock({PostgreSqlMigrationsLockKey})";

    /// <summary>
    /// Brings the database to the latest migration. For SQLite it first creates the data folder and switches the
    /// file to WAL, so readers never block the writer.
    /// </summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }

        if (DatabaseProviders.Of(db.Database) == DatabaseProvider.PostgreSql && await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            // Instances starting together take turns (a session-level advisory lock on the migrating connection): the
            // second finds the first one's migrations applied instead of creating the same tables again.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync(MigrationsLock, cancellationToken).ConfigureAwait(false);
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(MigrationsUnlock, CancellationToken.None).ConfigureAwait(false);
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }

            return;
        }

        // SQL Server's migrator takes its own application lock; SQLite's its lock table.
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
