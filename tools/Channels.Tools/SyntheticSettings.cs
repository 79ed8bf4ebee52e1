namespace Channels.Tools;

/// <summary>What <c>seed-synthetic</c> generates: sizes, the database and the seed that makes it repeatable.</summary>
public sealed record SyntheticSettings(ToolDatabase Database, int Agents, int Customers, int Seed)
{
    /// <summary>Rows per transaction of the bulk insert.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>Replace an existing database (<c>--overwrite yes</c>); without it an existing one is left alone.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The day the data is generated around (protections run from before it to after it).</summary>
    public DateTime Anchor { get; init; } = DateTime.UtcNow.Date;
}
