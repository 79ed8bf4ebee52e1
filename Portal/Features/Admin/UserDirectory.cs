using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;

namespace Portal.Features.Admin;

/// <summary>An account as the Admin lists it; <paramref name="Regions"/>: a ChannelManager's regions (none: the whole channel).</summary>
public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? AgentCode, bool IsDisabled, DateTimeOffset? LockoutEnd, IReadOnlyList<string>? Regions = null);

/// <summary>The portal's user accounts, for the Admin.</summary>
public sealed class UserDirectory(PortalData data)
{
    /// <summary>The accounts of one agent, for its page (a channel manager sees who works for the agent).</summary>
    public async Task<IReadOnlyList<UserRow>> ForAgentAsync(CurrentUser user, int agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ManageChannel);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.AgentId == agentId && db.Agents.Any(a => a.Id == agentId))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. users.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.DisplayName, [PortalRoles.Reseller], null, u.IsDisabled, u.LockoutEnd))];
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.AdministerUsers);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? string.Empty);
        var users = await (from u in db.Users.AsNoTracking()
                           join a in db.Agents on u.AgentId equals a.Id into agents
                           from a in agents.DefaultIfEmpty()
                           orderby u.Email
                           select new { u.Id, u.Email, u.DisplayName, AgentCode = a == null ? null : a.Code, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = (await db.UserRegions.AsNoTracking().OrderBy(r => r.RegionCode).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.UserId, r => r.RegionCode);
        return users.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.DisplayName, rolesByUser[u.Id].ToList(), u.AgentCode, u.IsDisabled, u.LockoutEnd, regions[u.Id].ToList())).ToList();
    }
}
