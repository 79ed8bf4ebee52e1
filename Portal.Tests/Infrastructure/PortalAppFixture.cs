namespace Portal.Tests.Infrastructure;

/// <summary>
/// One portal for the tests of a class: booted (migrated, seeded) once, reset before each test by
/// <see cref="AppTest{TFixture}"/>. A class that needs other settings uses a subclass that overrides <see cref="Settings"/>;
/// a class whose tests also run on PostgreSQL is generic over its fixture (see <see cref="PostgreSqlAppFixture"/>).
/// </summary>
public class PortalAppFixture : IDisposable
{
    private PortalAppFactory? _app;

    public PortalAppFactory App => _app ??= CreateApp(Settings);

    /// <summary>Configuration for this class's portal beyond the tests' defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>The portal, on its database engine (SQLite here).</summary>
    protected virtual PortalAppFactory CreateApp(IReadOnlyDictionary<string, string>? settings) => new(null, settings);

    public void Dispose()
    {
        _app?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The same portal on PostgreSQL. A test class runs on both engines by being generic over its fixture, with one concrete
/// subclass per engine; the PostgreSQL one carries <c>[Trait("Database", "PostgreSql")]</c>, so a machine without the
/// server leaves it out with <c>--filter "Database!=PostgreSql"</c>.
/// </summary>
public class PostgreSqlAppFixture : PortalAppFixture
{
    protected override PortalAppFactory CreateApp(IReadOnlyDictionary<string, string>? settings) => new PostgreSqlAppFactory(settings);
}
