using Microsoft.EntityFrameworkCore;
using Portal.Auth;

namespace Portal.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? AgentCode, bool IsDisabled, DateTimeOffset? LockoutEnd);

/// <summary>The portal's user accounts, for the Admin.</summary>
public sealed class UserDirectory(PortalData data)
{
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
        return users.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.DisplayName, rolesByUser[u.Id].ToList(), u.AgentCode, u.IsDisabled, u.LockoutEnd)).ToList();
    }
}
