using Microsoft.AspNetCore.TestHost;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>
/// The real portal on a fresh SQLite file with the demo data, seeded and run on a <see cref="TestClock"/> that starts at
/// <see cref="Start"/>, so every date in these tests is known. Extra settings (e.g. the expiry batch size) go in the
/// constructor.
/// </summary>
internal sealed class OperationsApp(IReadOnlyDictionary<string, string>? settings = null) : PortalAppFactory
{
    /// <summary>1 June 2026, 10:00 in Beijing: the demo data is seeded at this instant.</summary>
    public static readonly DateTime Start = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private AsyncServiceScope? _scope;

    public TestClock Clock { get; } = new(Start);

    /// <summary>An application service, resolved from one scope that lives as long as the app.</summary>
    public T Service<T>()
        where T : notnull
    {
        _scope ??= Services.CreateAsyncScope();
        return _scope.Value.ServiceProvider.GetRequiredService<T>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _scope is { } scope)
        {
            scope.Dispose();
        }

        base.Dispose(disposing);
    }
}
