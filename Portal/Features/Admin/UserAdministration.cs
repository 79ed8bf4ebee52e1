using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Features.Audit;
using Portal.Localization;

namespace Portal.Features.Admin;

/// <summary>
/// The Admin's account management. Every change that narrows what a user may do (disable, lock, role change,
/// password reset) renews the security stamp, so the user's open sessions, live circuits and bearer tokens stop
/// working within a minute.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditTrail audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public async Task<AdminResult> CreateAsync(CurrentUser admin, NewUserInput input, CancellationToken cancellationToken = default)
    {
        Authorize(admin);
        ArgumentNullException.ThrowIfNull(input);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        if (!PortalRoles.All.Contains(input.Role))
        {
            return AdminResult.Refused(localizer["Users_Error_UnknownRole"]);
        }

        var (agentId, agentError) = await ResolveAgentAsync(scope, input.Role, input.AgentCode, cancellationToken).ConfigureAwait(false);
        if (agentError is not null)
        {
            return AdminResult.Refused(agentError);
        }

        var user = new PortalUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            AgentId = agentId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, input.Password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return AdminResult.Refused([.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRoleAsync(user, input.Role).ConfigureAwait(false);
        await audit.RecordAsync(new AuditRecord(admin.Email, "UserCreated", "User", user.Id, After: $"{user.Email} {input.Role} {input.AgentCode}".Trim()), cancellationToken).ConfigureAwait(false);
        return AdminResult.Ok();
    }

    /// <summary>Sets a new random password and returns it once, for the Admin to hand over.</summary>
    public Task<AdminResult> ResetPasswordAsync(CurrentUser admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, "PasswordReset", allowSelf: true, async (users, user) =>
        {
            var password = TemporaryPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
            var result = await users.ResetPasswordAsync(user, token, password).ConfigureAwait(false);
            return result.Succeeded ? AdminResult.Ok(password) : AdminResult.Refused([.. result.Errors.Select(e => e.Description)]);
        }, cancellationToken);

    public Task<AdminResult> SetLockedAsync(CurrentUser admin, string userId, bool locked, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, locked ? "UserLocked" : "UserUnlocked", allowSelf: false, async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null).ConfigureAwait(false);
            await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
            return AdminResult.Ok();
        }, cancellationToken);

    public Task<AdminResult> SetDisabledAsync(CurrentUser admin, string userId, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, disabled ? "UserDisabled" : "UserEnabled", allowSelf: false, async (users, user) =>
        {
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user).ConfigureAwait(false);
            return result.Succeeded ? AdminResult.Ok() : AdminResult.Refused([.. result.Errors.Select(e => e.Description)]);
        }, cancellationToken);

    public Task<AdminResult> ChangeRoleAsync(CurrentUser admin, string userId, string role, string? agentCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, "UserRoleChanged", allowSelf: false, async (users, user) =>
        {
            if (!PortalRoles.All.Contains(role))
            {
                return AdminResult.Refused(localizer["Users_Error_UnknownRole"]);
            }

            await using var scope = scopes.CreateAsyncScope();
            var (agentId, agentError) = await ResolveAgentAsync(scope, role, agentCode, cancellationToken).ConfigureAwait(false);
            if (agentError is not null)
            {
                return AdminResult.Refused(agentError);
            }

            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user).ConfigureAwait(false)).ConfigureAwait(false);
            await users.AddToRoleAsync(user, role).ConfigureAwait(false);
            user.AgentId = agentId;
            await users.UpdateAsync(user).ConfigureAwait(false);
            return AdminResult.Ok();
        }, cancellationToken);

    private async Task<AdminResult> ChangeAsync(CurrentUser admin, string userId, string action, bool allowSelf, Func<UserManager<PortalUser>, PortalUser, Task<AdminResult>> change, CancellationToken cancellationToken)
    {
        Authorize(admin);
        if (!allowSelf && userId == admin.Id)
        {
            // An Admin cannot lock itself out of administration.
            return AdminResult.Refused(localizer["Users_Error_Self"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return AdminResult.Refused(localizer["NotFound_Text"]);
        }

        var result = await change(users, user).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            await audit.RecordAsync(new AuditRecord(admin.Email, action, "User", user.Id, After: user.Email), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<(int? AgentId, string? Error)> ResolveAgentAsync(AsyncServiceScope scope, string role, string? agentCode, CancellationToken cancellationToken)
    {
        var code = agentCode?.Trim().ToUpperInvariant();
        if (role != PortalRoles.Reseller)
        {
            return string.IsNullOrEmpty(code) ? (null, null) : (null, localizer["Users_Error_AgentOnlyForReseller"]);
        }

        if (string.IsNullOrEmpty(code))
        {
            return (null, localizer["Users_Error_AgentRequired"]);
        }

        var data = scope.ServiceProvider.GetRequiredService<PortalData>();
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        var agentId = await db.Agents.Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return agentId is null ? (null, localizer["Users_Error_AgentUnknown", code]) : (agentId, null);
    }

    private static void Authorize(CurrentUser admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        AccessDeniedException.Unless(admin.IsInRole(PortalRoles.Admin));
    }

    /// <summary>16 characters from an unambiguous alphabet, always meeting the password policy.</summary>
    private static string TemporaryPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string capitals = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "#$%&*+=?@";
        var all = letters + capitals + digits + symbols;
        var chars = new char[16];
        chars[0] = capitals[RandomNumberGenerator.GetInt32(capitals.Length)];
        chars[1] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
