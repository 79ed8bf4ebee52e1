using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Data;

/// <summary>Which of the portal's providers a context runs on, from EF's provider name.</summary>
public static class DatabaseProviders
{
    public static DatabaseProvider Of(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
            var other => throw new InvalidOperationException($"The portal does not run on the provider '{other}'."),
        };
    }
}
