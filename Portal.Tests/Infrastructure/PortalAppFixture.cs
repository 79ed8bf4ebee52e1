namespace Portal.Tests.Infrastructure;

/// <summary>One portal shared by the tests of a class that only read (each test class gets its own database).</summary>
public sealed class PortalAppFixture : IDisposable
{
    public PortalAppFactory App { get; } = new();

    public void Dispose() => App.Dispose();
}
