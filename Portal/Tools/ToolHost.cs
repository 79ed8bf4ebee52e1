using Microsoft.Data.Sqlite;
using Portal.Hosting;

namespace Portal.Tools;

/// <summary>
/// The real application (services, options, database setup) on a given SQLite file, built but never run: the tools
/// resolve the same services the portal uses, without Kestrel or the background jobs.
/// </summary>
public static class ToolHost
{
    public static WebApplication Build(string databaseFile)
    {
        var full = Path.GetFullPath(databaseFile);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = ConnectionString(full),
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoData"] = "false",
            ["Operations:ExpiryJobEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
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
