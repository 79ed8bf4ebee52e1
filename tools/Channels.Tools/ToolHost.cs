using System.Reflection;
using Microsoft.Data.Sqlite;
using Portal.Hosting;

namespace Channels.Tools;

/// <summary>
/// The real application (services, options, database setup) on a given SQLite file: the tools resolve the same
/// services the portal uses, without the background jobs; <c>bench</c> also serves it on loopback for the API figure.
/// </summary>
public static class ToolHost
{
    /// <summary>The portal's assembly (<c>Portal.dll</c>, copied beside the tools with its runtime configuration).</summary>
    public static Assembly PortalAssembly => typeof(PortalApplication).Assembly;

    public static WebApplication Build(string databaseFile, bool serve = false)
    {
        var full = Path.GetFullPath(databaseFile);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,

            // The portal's name, not the tools' (its static assets manifest is named after it).
            ApplicationName = PortalAssembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = ConnectionString(full),
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoData"] = "false",
            ["Operations:ExpiryJobEnabled"] = "false",

            // The benchmark checks thousands of customers as one user; a person's budget would refuse it.
            ["Availability:PermitsPerMinute"] = "1000000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        });
        if (serve)
        {
            // Loopback only, on a port the system picks.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.AddPortal();
        return builder.Build();
    }

    /// <summary>The connection string the portal would use for this file (pooled, 30 s busy timeout).</summary>
    public static string ConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databaseFile),
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
