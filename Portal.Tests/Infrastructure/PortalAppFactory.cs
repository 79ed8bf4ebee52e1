using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on its own SQLite file in a temp folder: migrations applied and demo data seeded at start-up,
/// exactly as <c>dotnet run</c> does.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedFolder;

    public PortalAppFactory()
        : this(null)
    {
    }

    /// <param name="dataDirectory">Share a data folder between factories (to boot the same database twice).</param>
    public PortalAppFactory(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            _ownedFolder = new TempDirectory();
            dataDirectory = _ownedFolder.Path;
        }

        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "channels.db");

    /// <summary>A context over every record of this portal's database, to check what was stored.</summary>
    public async Task<PortalDbContext> CreateContextAsync() =>
        (await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync()).WithScope(DataScope.All);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Development serves the static web assets (MudBlazor's CSS and JS) straight from the build output.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Time-driven changes happen when a test runs the expiry job at an explicit instant, never in the background.
        builder.UseSetting("Operations:ExpiryJobEnabled", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedFolder?.Dispose();
        }
    }
}
