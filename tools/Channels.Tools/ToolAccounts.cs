using Microsoft.AspNetCore.Identity;
using Portal.Data.Identity;
using Portal.Data.Seed;

namespace Channels.Tools;

/// <summary>Accounts the tools create (synthetic users, the benchmark's resellers): through Identity, demo password.</summary>
internal static class ToolAccounts
{
    public static async Task CreateAsync(UserManager<PortalUser> users, string email, string displayName, string role, int? agentId, DateTime createdAt)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, AgentId = agentId, CreatedAt = createdAt };
        var created = await users.CreateAsync(user, DemoData.Password).ConfigureAwait(false);
        var added = created.Succeeded ? await users.AddToRoleAsync(user, role).ConfigureAwait(false) : created;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Creating the account {email} failed: " + string.Join("; ", added.Errors.Select(e => e.Description)));
        }
    }
}
