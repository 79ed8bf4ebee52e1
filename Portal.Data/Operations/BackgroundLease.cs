namespace Portal.Data.Operations;

/// <summary>
/// Who may do one kind of background work now (ADR 36): several instances share the database, and only the holder of
/// the row named after the work runs it. The holder renews <see cref="ExpiresAt"/> well before it passes; once it has
/// passed, any instance may take the row over in one conditional update. <see cref="Runs"/> counts the runs done under
/// the lease, by whichever holder, so that an operator (or a test) sees the work was done once per interval.
/// </summary>
public sealed class BackgroundLease
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 200;

    private BackgroundLease()
    {
    }

    public BackgroundLease(string name, string holder, DateTime now, DateTime expiresAt, long runs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        Name = name;
        Holder = holder;
        AcquiredAt = now;
        ExpiresAt = expiresAt;
        Runs = runs;
        LastRunAt = runs > 0 ? now : null;
    }

    /// <summary>The work's name, e.g. <c>expiry</c>, <c>mail</c>, <c>sqlite-checkpoints</c>.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The instance holding the lease (<c>Instance:Name</c>).</summary>
    public string Holder { get; private set; } = string.Empty;

    /// <summary>When the current holder took the lease over.</summary>
    public DateTime AcquiredAt { get; private set; }

    /// <summary>Until when the holder holds it unless it renews; after this instant another instance may take it.</summary>
    public DateTime ExpiresAt { get; private set; }

    /// <summary>How many times the work ran under the lease, whoever held it.</summary>
    public long Runs { get; private set; }

    public DateTime? LastRunAt { get; private set; }
}
