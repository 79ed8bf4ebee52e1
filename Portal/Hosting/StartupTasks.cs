using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Seed;

namespace Portal.Hosting;

/// <summary>What happens between building the app and serving the first request.</summary>
public static partial class StartupTasks
{
    /// <summary>Applies every pending migration (on either provider) and seeds what an empty database lacks.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DatabaseSetup.RequireConnectionString(app.Configuration, app.Services.GetRequiredService<DatabaseOptions>());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await DatabaseSetup.MigrateAsync(db).ConfigureAwait(false);
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(options.SeedDemoData).ConfigureAwait(false);
    }

    /// <summary>Logs where the portal listens and where its data lives, once Kestrel has bound its addresses.</summary>
    public static void AnnounceStartup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var urls = string.Join(", ", addresses);
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var location = options.Provider == DatabaseProvider.Sqlite
                ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)
                : $"{db.Database.GetDbConnection().DataSource}/{db.Database.GetDbConnection().Database}";
            LogStarted(app.Logger, urls, options.Provider, location);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channels portal is running at {Urls} — database: {Provider} at {DatabaseLocation}")]
    private static partial void LogStarted(ILogger logger, string urls, DatabaseProvider provider, string databaseLocation);
}
