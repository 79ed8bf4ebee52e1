namespace Portal.Tests.Operations;

/// <summary>The portal's clock in these tests: it stands still until a test moves it.</summary>
internal sealed class TestClock(DateTime start) : TimeProvider
{
    private DateTimeOffset _now = new(start);

    public DateTime UtcNow => _now.UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(UtcNow);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now = _now.Add(by);
}
