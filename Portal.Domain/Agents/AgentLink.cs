namespace Portal.Domain.Agents;

/// <summary>
/// One row of the agent hierarchy's closure table: <see cref="AncestorId"/> is <see cref="Depth"/> levels above
/// <see cref="DescendantId"/> (every agent is its own ancestor at depth 0). "All descendants of X" is one indexed
/// query on AncestorId; see docs/decisions/0003-agent-hierarchy-closure-table.md.
/// </summary>
public sealed class AgentLink
{
    private AgentLink()
    {
    }

    public AgentLink(int ancestorId, int descendantId, int depth)
    {
        AncestorId = ancestorId;
        DescendantId = descendantId;
        Depth = depth;
    }

    public int AncestorId { get; private set; }

    public int DescendantId { get; private set; }

    public int Depth { get; private set; }
}
