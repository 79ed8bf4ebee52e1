using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Regions;
using Portal.Features.Audit;

namespace Portal.Features.Admin;

/// <summary>An account after a change: which one, and (after a password reset) the one-time password to hand over.</summary>
public sealed record AccountChanged(string Id, string Email, string? TemporaryPassword = null);

/// <summary>
/// The Admin's account management. Every change that narrows what a user may do (disable, lock, role change,
/// password reset) renews the security stamp, so the user's open sessions, live circuits and bearer tokens stop
/// working within a minute. Identity's own refusals come back as reasons with codes, like every use case's.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditTrail audit, BusinessClock clock, PortalData data, ReferenceData reference)
{
    public Task<UseCaseResult<AccountChanged>> CreateAsync(CurrentUser admin, NewUserInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(admin, PortalPolicies.AdministerUsers);
        return CreateAccountAsync(admin, input, cancellationToken);
    }

    /// <summary>
    /// A channel manager's account for one of the channel's agents (DESIGN.md §9): a Reseller of that agent, with a random
    /// initial password returned once, for the manager to hand over.
    /// </summary>
    public async Task<UseCaseResult<AccountChanged>> CreateForAgentAsync(CurrentUser manager, string agentCode, AgentUserInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var password = TemporaryPassword();
        var created = await CreateAccountAsync(
            manager,
            new NewUserInput { Email = input?.Email, DisplayName = input?.DisplayName, Role = PortalRoles.Reseller, AgentCode = agentCode, Password = password },
            cancellationToken).ConfigureAwait(false);
        return created.Map(account => account with { TemporaryPassword = password });
    }

    private async Task<UseCaseResult<AccountChanged>> CreateAccountAsync(CurrentUser actor, NewUserInput? input, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        var email = check.Text(UserFields.Email, input?.Email, PortalUser.EmailMaxLength);
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            check.Add(UserFields.Email, ReasonCode.InvalidValue);
        }

        var displayName = check.Text(UserFields.DisplayName, input?.DisplayName, PortalUser.DisplayNameMaxLength);
        var role = Role(check, input?.Role);
        var agentCode = check.OptionalText(UserFields.AgentCode, input?.AgentCode, Domain.Agents.Agent.CodeMaxLength)?.ToUpperInvariant();
        if (string.IsNullOrEmpty(input?.Password))
        {
            check.Add(UserFields.Password, ReasonCode.Required);
        }

        await using var scope = scopes.CreateAsyncScope();
        var agentId = role is null ? null : await AgentAsync(scope, actor, check, role, agentCode, cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName!,
            AgentId = agentId,
            CreatedAt = clock.Now,
        };
        var created = await users.CreateAsync(user, input!.Password!).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        await users.AddToRoleAsync(user, role!).ConfigureAwait(false);
        await audit.RecordAsync(new AuditRecord(actor.Email, AuditAction.UserCreated, AuditEntity.User, user.Id, After: new { user.Email, role, agentCode }), cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(new AccountChanged(user.Id, email!));
    }

    /// <summary>Sets a new random password and returns it once, for the Admin to hand over.</summary>
    public Task<UseCaseResult<AccountChanged>> ResetPasswordAsync(CurrentUser admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, AuditAction.PasswordReset, allowSelf: true, async (users, user) =>
        {
            var password = TemporaryPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
            var result = await users.ResetPasswordAsync(user, token, password).ConfigureAwait(false);
            return result.Succeeded ? UseCaseResult.Ok(new AccountChanged(user.Id, user.Email!, password)) : Refused(result);
        }, cancellationToken);

    public Task<UseCaseResult<AccountChanged>> SetLockedAsync(CurrentUser admin, string userId, bool locked, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, locked ? AuditAction.UserLocked : AuditAction.UserUnlocked, allowSelf: false, async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null).ConfigureAwait(false);
            await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
            return UseCaseResult.Ok(new AccountChanged(user.Id, user.Email!));
        }, cancellationToken);

    public Task<UseCaseResult<AccountChanged>> SetDisabledAsync(CurrentUser admin, string userId, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, allowSelf: false, async (users, user) =>
        {
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user).ConfigureAwait(false);
            return result.Succeeded ? UseCaseResult.Ok(new AccountChanged(user.Id, user.Email!)) : Refused(result);
        }, cancellationToken);

    public Task<UseCaseResult<AccountChanged>> ChangeRoleAsync(CurrentUser admin, string userId, string? role, string? agentCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, AuditAction.UserRoleChanged, allowSelf: false, async (users, user) =>
        {
            var check = new InputCheck();
            var newRole = Role(check, role);
            var code = check.OptionalText(UserFields.AgentCode, agentCode, Domain.Agents.Agent.CodeMaxLength)?.ToUpperInvariant();
            await using var scope = scopes.CreateAsyncScope();
            var agentId = newRole is null ? null : await AgentAsync(scope, admin, check, newRole, code, cancellationToken).ConfigureAwait(false);
            if (!check.IsValid)
            {
                return Refusal.Invalid(check.Errors);
            }

            if (newRole != PortalRoles.ChannelManager)
            {
                // Regions scope a ChannelManager only; another role keeps none (ADR 26).
                await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
                await db.UserRegions.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user).ConfigureAwait(false)).ConfigureAwait(false);
            await users.AddToRoleAsync(user, newRole!).ConfigureAwait(false);
            user.AgentId = agentId;
            await users.UpdateAsync(user).ConfigureAwait(false);
            return UseCaseResult.Ok(new AccountChanged(user.Id, user.Email!));
        }, cancellationToken);

    /// <summary>
    /// Scopes a ChannelManager to regions (DESIGN.md §9, ADR 26), or back to the whole channel with none. The stamp is
    /// renewed like a role change's, so the manager's sessions and tokens end and its next sign-in carries the new scope.
    /// </summary>
    public Task<UseCaseResult<AccountChanged>> SetRegionsAsync(CurrentUser admin, string userId, IReadOnlyList<string>? regions, CancellationToken cancellationToken = default)
    {
        object? after = null;
        return ChangeAsync(admin, userId, AuditAction.UserRegionsChanged, allowSelf: false, async (users, user) =>
        {
            var check = new InputCheck();
            IReadOnlyList<RegionCode> codes = [];
            if (regions is { Count: > 0 })
            {
                if (!await users.IsInRoleAsync(user, PortalRoles.ChannelManager).ConfigureAwait(false))
                {
                    return Refusal.Invalid(UserFields.Regions, UseCaseCode.RegionsOnlyForManager);
                }

                var known = await reference.RegionsAsync().ConfigureAwait(false);
                codes = check.Territory(UserFields.Regions, regions, code => known.ContainsKey(code.Value));
            }

            if (!check.IsValid)
            {
                return Refusal.Invalid(check.Errors);
            }

            await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
            var before = await db.UserRegions.Where(r => r.UserId == user.Id).OrderBy(r => r.RegionCode).ToListAsync(cancellationToken).ConfigureAwait(false);
            var now = codes.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            db.UserRegions.RemoveRange(before);
            db.UserRegions.AddRange(now.Select(code => new PortalUserRegion { UserId = user.Id, RegionCode = code }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            after = new { user.Email, before = before.Select(r => r.RegionCode).ToList(), regions = now };
            return UseCaseResult.Ok(new AccountChanged(user.Id, user.Email!));
        }, cancellationToken, () => after);
    }

    private async Task<UseCaseResult<AccountChanged>> ChangeAsync(
        CurrentUser admin,
        string userId,
        AuditAction action,
        bool allowSelf,
        Func<UserManager<PortalUser>, PortalUser, Task<UseCaseResult<AccountChanged>>> change,
        CancellationToken cancellationToken,
        Func<object?>? details = null)
    {
        AccessDeniedException.UnlessMay(admin, PortalPolicies.AdministerUsers);
        if (!allowSelf && userId == admin.Id)
        {
            // An Admin cannot lock itself out of administration.
            return Refusal.Because(UseCaseCode.NotOnOwnAccount);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return Refusal.NotFound;
        }

        var result = await change(users, user).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            await audit.RecordAsync(new AuditRecord(admin.Email, action, AuditEntity.User, user.Id, After: details?.Invoke() ?? new { user.Email }), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static string? Role(InputCheck check, string? role)
    {
        var text = check.Text(UserFields.Role, role, 50);
        if (text is not null && !PortalRoles.All.Contains(text, StringComparer.Ordinal))
        {
            check.Add(UserFields.Role, UseCaseCode.UnknownRole);
            return null;
        }

        return text;
    }

    // A Reseller belongs to exactly one agent; vendor staff to none. The agent is looked up as the actor sees the channel:
    // an agent out of a regional manager's regions is as unknown to it as a missing one (ADR 26).
    private static async Task<int?> AgentAsync(AsyncServiceScope scope, CurrentUser actor, InputCheck check, string role, string? agentCode, CancellationToken cancellationToken)
    {
        if (role != PortalRoles.Reseller)
        {
            if (agentCode is not null)
            {
                check.Add(UserFields.AgentCode, UseCaseCode.AgentOnlyForReseller);
            }

            return null;
        }

        if (agentCode is null)
        {
            check.Add(UserFields.AgentCode, ReasonCode.Required);
            return null;
        }

        var data = scope.ServiceProvider.GetRequiredService<PortalData>();
        await using var db = await data.ForAsync(actor, cancellationToken).ConfigureAwait(false);
        var agentId = await db.Agents.Where(a => a.Code == agentCode).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (agentId is null)
        {
            check.Add(UserFields.AgentCode, UseCaseCode.UnknownAgent);
        }

        return agentId;
    }

    // Identity's refusals, as codes on the fields they concern.
    private static Refusal Refused(IdentityResult result) =>
        Refusal.Invalid(result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => new Reason(UseCaseCode.EmailTaken, UserFields.Email),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => new Reason(ReasonCode.InvalidValue, UserFields.Email),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new Reason(UseCaseCode.PasswordTooWeak, UserFields.Password),
            _ => new Reason(ReasonCode.InvalidValue, null, e.Code),
        }).Distinct());

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
