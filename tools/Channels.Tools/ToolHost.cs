using System.Reflection;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Data;
using Portal.Hosting;

namespace Channels.Tools;

/// <summary>
/// The real application (services, options, database setup) on a given database (SQLite or PostgreSQL): the tools resolve the same
/// services the portal uses, without the background jobs; <c>bench</c> also serves it on loopback for the API figure.
/// </summary>
public static class ToolHost
{
    /// <summary>The portal's assembly (<c>Portal.dll</c>, copied beside the tools with its runtime configuration).</summary>
    public static Assembly PortalAssembly => typeof(PortalApplication).Assembly;

    public static WebApplication Build(ToolDatabase database, bool serve = false, bool seedDemoData = false)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,

            // The portal's name, not the tools' (its static assets manifest is named after it).
            ApplicationName = PortalAssembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + DatabaseSetup.ConnectionStringName(database.Provider)] = database.ConnectionString,
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:SeedDemoData"] = seedDemoData ? "true" : "false",
            ["Operations:ExpiryJobEnabled"] = "false",

            // The benchmark checks thousands of customers as one user; a person's budget would refuse it.
            ["Availability:PermitsPerMinute"] = "1000000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",

            // Migrating a new PostgreSQL database, EF Core logs as an error its look for the history table that is not
            // there yet; a command that really fails still fails its operation, and the tool reports that.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        });
        if (serve)
        {
            // Loopback only, on a port the system picks.
            builder.WebHost.UseUrls("http://127.0.0.1:0");

            // The pages' scripts and styles from where the build keeps them (the portal's manifest beside the
            // tools), as in development: the tools are not published with a wwwroot of their own.
            builder.WebHost.UseStaticWebAssets();

            // The circuit figure counts the circuits the browser opened (CircuitMemory).
            builder.Services.AddSingleton<CircuitCounter>();
            builder.Services.AddSingleton<CircuitHandler>(services => services.GetRequiredService<CircuitCounter>());
        }

        builder.AddPortal();
        return builder.Build();
    }

    /// <summary>Where Kestrel listens once started (the port was left to the system).</summary>
    public static Uri ServerAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
