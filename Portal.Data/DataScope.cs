namespace Portal.Data;

/// <summary>
/// Which channel records a context may read. A context starts at <see cref="Nobody"/>: whoever creates one must
/// say whose eyes it reads with (see <see cref="PortalDbContext.Scope"/> and docs/decisions/0008-visibility.md).
/// </summary>
public sealed record DataScope
{
    private DataScope(bool everything, int? agentId, string name)
    {
        Everything = everything;
        AgentId = agentId;
        Name = name;
    }

    /// <summary>Every record: vendor staff, rule evaluation, seeding.</summary>
    public static DataScope All { get; } = new(true, null, "all");

    /// <summary>No channel record at all: the default of a fresh context.</summary>
    public static DataScope Nobody { get; } = new(false, null, "nobody");

    public bool Everything { get; }

    /// <summary>For a reseller: its agent, whose subtree (itself and its descendants) it sees.</summary>
    public int? AgentId { get; }

    public string Name { get; }

    /// <summary>A reseller's view: its own agent and its descendants, never a sibling's or an ancestor's records.</summary>
    public static DataScope Subtree(int agentId) => new(false, agentId, $"subtree:{agentId}");

    public override string ToString() => Name;
}
