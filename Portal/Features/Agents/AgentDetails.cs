using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Common;

namespace Portal.Features.Agents;

/// <summary>
/// Reading an agent and the hierarchy below it, through the reader's eyes (ADR 8): vendor staff see every agent; a
/// reseller its own agent and its descendants. The hierarchy is read one level at a time, for a tree that loads
/// children when a node is opened.
/// </summary>
public sealed class AgentDetails(PortalData data, ReferenceData reference, BusinessClock clock)
{
    // What a ChannelManager does to a contract from the agent's page. Expiry is the expiry job's, revocation the
    // disqualification's (Compliance).
    private static readonly AgentAction[] ManagerActions =
    [
        AgentAction.StartReview, AgentAction.Sign, AgentAction.Reject, AgentAction.Suspend, AgentAction.Reinstate, AgentAction.Renew, AgentAction.Terminate,
    ];

    /// <summary>The agent with this code (codes are upper case), or null when it does not exist for the reader.</summary>
    public async Task<AgentDetail?> GetByCodeAsync(CurrentUser user, string code, CancellationToken cancellationToken = default) =>
        await IdOfAsync(user, code, cancellationToken).ConfigureAwait(false) is { } agentId ? await GetAsync(user, agentId, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The id of the agent with this code, or null when it does not exist for the reader.</summary>
    public async Task<int?> IdOfAsync(CurrentUser user, string code, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Trim().ToUpperInvariant();
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        return await db.Agents.Where(a => a.Code == normalized).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The agent, or null when it does not exist for the reader.</summary>
    public async Task<AgentDetail?> GetAsync(CurrentUser user, int agentId, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var agent = await db.Agents.AsNoTracking().Include(a => a.Territory).SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            return null;
        }

        // The parent through the same filter: a reseller does not see the agent above its own.
        var parent = agent.ParentId is null
            ? null
            : (await NodesAsync(db, db.Agents.Where(a => a.Id == agent.ParentId), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var children = await NodesAsync(db, db.Agents.Where(a => a.ParentId == agentId), cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var now = clock.Now;
        IReadOnlyList<ActionAvailability<AgentAction>> actions = user.May(PortalPolicies.ManageChannel)
            ? [.. agent.Actions(now, clock.DateOf(now)).Where(a => a.AppliesInState && ManagerActions.Contains(a.Action))]
            : [];

        return new AgentDetail(
            agent.Id,
            agent.Code,
            agent.LegalName,
            agent.Uscc,
            agent.Tier,
            parent,
            children,
            RegionLabels.Of(agent.Territory.Select(t => t.RegionCode), regions),
            new AgentContract(agent.Status, agent.ContractStart, agent.ContractEnd, agent.SuspendedUntil, agent.AwaitsDecision && agent.ReviewDeadline is { } deadline ? clock.LastDay(deadline) : null),
            new AgentContacts(agent.ContactName, agent.ContactPhone, agent.ContactEmail),
            agent.CreatedAt,
            actions);
    }

    /// <summary>
    /// One level of the hierarchy: the children of <paramref name="parentId"/>, or with null the reader's top level —
    /// the vendor-signed agents for vendor staff, its own agent for a reseller. Null when the parent does not exist for
    /// the reader (so a reseller cannot learn the shape of the tree above or beside it).
    /// </summary>
    public async Task<IReadOnlyList<AgentNode>?> ChildrenAsync(CurrentUser user, int? parentId, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        if (parentId is null)
        {
            var top = user.IsInRole(PortalRoles.Reseller)
                ? db.Agents.Where(a => a.Id == user.AgentId)
                : db.Agents.Where(a => a.ParentId == null);
            return await NodesAsync(db, top, cancellationToken).ConfigureAwait(false);
        }

        if (!await db.Agents.AnyAsync(a => a.Id == parentId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await NodesAsync(db, db.Agents.Where(a => a.ParentId == parentId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of one level of the hierarchy (ADR 25): the children of <paramref name="parentId"/> (with null the reader's
    /// top level, as <see cref="ChildrenAsync"/>), highest tier first, then by code, from <paramref name="skip"/>, at most
    /// <paramref name="take"/>. One query by the indexed parent id, asking for one row more than it shows to know whether
    /// there are more; a tree of 100 000 agents is never read whole. Null when the parent does not exist for the reader.
    /// </summary>
    public async Task<AgentLevel?> LevelAsync(CurrentUser user, int? parentId, int skip, int take, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        take = Math.Clamp(take, 1, PageRequest.MaxPageSize);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        IQueryable<Agent> level;
        if (parentId is null)
        {
            level = user.IsInRole(PortalRoles.Reseller) ? db.Agents.Where(a => a.Id == user.AgentId) : db.Agents.Where(a => a.ParentId == null);
        }
        else
        {
            // A reseller asking below an agent it may not see learns nothing of the tree above or beside it.
            if (user.IsInRole(PortalRoles.Reseller) && !await db.Agents.AnyAsync(a => a.Id == parentId, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            level = db.Agents.Where(a => a.ParentId == parentId);
        }

        // Highest tier first (the tier is stored by name, so its rank is spelled out for the database), then by code.
        var page = level
            .OrderBy(a => a.Tier == AgentTier.Strategic ? 0 : a.Tier == AgentTier.Core ? 1 : a.Tier == AgentTier.Tier1 ? 2 : 3)
            .ThenBy(a => a.Code)
            .Skip(skip)
            .Take(take + 1);
        var nodes = await ProjectAsync(db, page, cancellationToken).ConfigureAwait(false);
        var ordered = nodes.OrderBy(n => n.Tier).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
        return new AgentLevel([.. ordered.Take(take)], ordered.Count > take);
    }

    /// <summary>
    /// The agent with this code and its ancestors, from the top of its tree down to it (the closure table, ADR 3: one
    /// query), as far as the reader may see them; null when the agent does not exist for the reader.
    /// </summary>
    public async Task<IReadOnlyList<AgentNode>?> PathAsync(CurrentUser user, string code, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Trim().ToUpperInvariant();
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var depths = await (
                from agent in db.Agents
                where agent.Code == normalized
                join link in db.AgentLinks on agent.Id equals link.DescendantId
                select new { link.AncestorId, link.Depth })
            .ToDictionaryAsync(l => l.AncestorId, l => l.Depth, cancellationToken).ConfigureAwait(false);
        if (depths.Count == 0)
        {
            return null;
        }

        var ids = depths.Keys.ToList();
        var nodes = await ProjectAsync(db, db.Agents.Where(a => ids.Contains(a.Id)), cancellationToken).ConfigureAwait(false);
        return [.. nodes.OrderByDescending(n => depths[n.Id])];
    }

    /// <summary>
    /// The reseller's whole subtree below its own agent, level by level and by code, read one at a time (the sub-agents
    /// page's export, ADR 29): the closure table (ADR 3) gives each agent's depth, the reseller's context its subtree only.
    /// </summary>
    public IAsyncEnumerable<SubAgentRow> SubtreeAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.Recruit);
        return ReadSubtreeAsync(user, cancellationToken);
    }

    private async IAsyncEnumerable<SubAgentRow> ReadSubtreeAsync(CurrentUser user, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var rows = (from link in db.AgentLinks
                    where link.AncestorId == user.AgentId && link.Depth > 0
                    join a in db.Agents.AsNoTracking() on link.DescendantId equals a.Id
                    orderby link.Depth, a.Code
                    select new
                    {
                        link.Depth, a.Code, a.LegalName, a.Tier, a.Status,
                        ParentCode = a.Parent == null ? null : a.Parent.Code,
                        Territory = a.Territory.Select(t => t.RegionCode).ToList(),
                        a.ContractEnd,
                    })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new SubAgentRow(r.Depth, r.Code, r.LegalName, r.Tier, r.Status, r.ParentCode, RegionLabels.Of(r.Territory, regions), r.ContractEnd);
        }
    }

    private static void Authorize(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadHierarchy);
    }

    private async Task<IReadOnlyList<AgentNode>> NodesAsync(PortalDbContext db, IQueryable<Agent> agents, CancellationToken cancellationToken) =>
        // Highest tier first, then by code; the tier is stored by name, so its rank is applied here.
        [.. (await ProjectAsync(db, agents, cancellationToken).ConfigureAwait(false)).OrderBy(n => n.Tier).ThenBy(n => n.Code, StringComparer.Ordinal)];

    // Each node with its territory's names and its number of children (a count by the indexed parent id).
    private async Task<List<AgentNode>> ProjectAsync(PortalDbContext db, IQueryable<Agent> agents, CancellationToken cancellationToken)
    {
        var rows = await agents.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Code, a.LegalName, a.Tier, a.Status,
                Territory = a.Territory.Select(t => t.RegionCode).ToList(),
                ChildCount = db.Agents.Count(c => c.ParentId == a.Id),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return [.. rows.Select(r => new AgentNode(r.Id, r.Code, r.LegalName, r.Tier, r.Status, RegionLabels.Of(r.Territory, regions), r.ChildCount))];
    }
}
