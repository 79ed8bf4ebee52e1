namespace Portal.Tests.Infrastructure;

/// <summary>
/// One portal for the tests of a class: booted (migrated, seeded) once, reset before each test by
/// <see cref="AppTest{TFixture}"/>. A class that needs other settings uses a subclass that overrides <see cref="Settings"/>.
/// </summary>
public class PortalAppFixture : IDisposable
{
    private PortalAppFactory? _app;

    public PortalAppFactory App => _app ??= new PortalAppFactory(null, Settings);

    /// <summary>Configuration for this class's portal beyond the tests' defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public void Dispose()
    {
        _app?.Dispose();
        GC.SuppressFinalize(this);
    }
}
