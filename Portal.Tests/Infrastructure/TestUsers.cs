using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;

namespace Portal.Tests.Infrastructure;

/// <summary>The demo users as the services see them (<see cref="CurrentUser"/>), read from the app's database.</summary>
public static class TestUsers
{
    public static async Task<CurrentUser> ForAsync(PortalAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var roles = await users.GetRolesAsync(user);
        await using var db = await app.CreateContextAsync();
        var agent = user.AgentId is null ? null : await db.Agents.SingleAsync(a => a.Id == user.AgentId);
        var regions = await db.UserRegions.Where(r => r.UserId == user.Id).Select(r => r.RegionCode).OrderBy(r => r).ToListAsync();
        return new CurrentUser(user.Id, user.Email!, user.DisplayName, [.. roles], agent?.Id, agent?.Code, agent?.Tier.ToString(), regions);
    }
}
