using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;

namespace Portal.Features.Compliance;

/// <summary>One Compliance account a case can be assigned to.</summary>
public sealed record InvestigatorOption(string Email, string DisplayName);

/// <summary>The Compliance accounts that may investigate a case: enabled users in the Compliance role.</summary>
public sealed class Investigators(PortalData data)
{
    /// <summary>Every enabled Compliance account, by e-mail, for the investigation form.</summary>
    public async Task<IReadOnlyList<InvestigatorOption>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        return await Accounts(db).Select(u => new InvestigatorOption(u.Email!, u.DisplayName)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="email"/> is an enabled Compliance account.</summary>
    public async Task<bool> IsInvestigatorAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        return await Accounts(db).AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<PortalUser> Accounts(Portal.Data.PortalDbContext db) =>
        from u in db.Users.AsNoTracking()
        where !u.IsDisabled
              && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRoles.Compliance))
        orderby u.Email
        select u;
}
