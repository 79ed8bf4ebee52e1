using Portal.Domain.Regions;

namespace Portal.Data;

/// <summary>
/// Which channel records a context may read. A context starts at <see cref="Nobody"/>: whoever creates one must
/// say whose eyes it reads with (see <see cref="PortalDbContext.Scope"/> and docs/decisions/0008-visibility.md).
/// </summary>
public sealed record DataScope
{
    private DataScope(bool everything, int? agentId, IReadOnlyList<string>? regions, string name)
    {
        Everything = everything;
        AgentId = agentId;
        Regions = regions ?? [];
        RegionsAndAncestors = regions is null
            ? []
            : [.. regions.SelectMany(r => RegionCode.Parse(r).SelfAndAncestors).Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Name = name;
    }

    /// <summary>Every record: vendor staff, rule evaluation, seeding.</summary>
    public static DataScope All { get; } = new(true, null, null, "all");

    /// <summary>No channel record at all: the default of a fresh context.</summary>
    public static DataScope Nobody { get; } = new(false, null, null, "nobody");

    public bool Everything { get; }

    /// <summary>For a reseller: its agent, whose subtree (itself and its descendants) it sees.</summary>
    public int? AgentId { get; }

    /// <summary>For a regional manager: the region codes it is scoped to (ADR 26); empty for any other scope.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The scoped regions and every division above them: an agent whose territory names one of these overlaps the scope.</summary>
    public IReadOnlyList<string> RegionsAndAncestors { get; }

    // The same lists as arrays, for the query filters' parameterized primitive collections (ADR 26).
    internal string[] RegionArray => field ??= [.. Regions];

    internal string[] RegionsAndAncestorsArray => field ??= [.. RegionsAndAncestors];

    /// <summary>Whether this is a regional manager's scope.</summary>
    public bool ByRegion => Regions.Count > 0;

    public string Name { get; }

    /// <summary>A reseller's view: its own agent and its descendants, never a sibling's or an ancestor's records.</summary>
    public static DataScope Subtree(int agentId) => new(false, agentId, null, $"subtree:{agentId}");

    /// <summary>
    /// A regional manager's view (ADR 26): customers, deals, protections, sales and authorizations whose region lies
    /// within one of <paramref name="regions"/>, agents whose territory overlaps them, and those agents' cases.
    /// An empty list is the whole channel.
    /// </summary>
    public static DataScope Within(IEnumerable<RegionCode> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var codes = regions.Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? All : new(false, null, codes, "regions:" + string.Join(',', codes));
    }

    public bool Equals(DataScope? other) =>
        other is not null && Everything == other.Everything && AgentId == other.AgentId && Regions.SequenceEqual(other.Regions, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Everything, AgentId, Name);

    public override string ToString() => Name;
}
