namespace Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
