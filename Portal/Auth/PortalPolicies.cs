using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Data.Identity;
using Portal.Domain.Agents;

namespace Portal.Auth;

/// <summary>
/// One named permission: the roles that hold it and, for some, the agent tiers among resellers (DESIGN.md §2.2: only
/// Core agents and above recruit).
/// </summary>
public sealed record PortalPolicy(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string>? Tiers = null)
{
    public bool Allows(Func<string, bool> isInRole, string? tier)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return Roles.Any(isInRole) && (Tiers is null || (tier is not null && Tiers.Contains(tier, StringComparer.Ordinal)));
    }
}

/// <summary>
/// Who may do what (DESIGN.md §1), declared once. Pages carry <c>[Authorize(Policy = …)]</c>, endpoints
/// <c>RequireAuthorization(…)</c>, the menu shows what <see cref="Allows(ClaimsPrincipal, string)"/> allows, and every
/// service method checks the same policy again (<see cref="CurrentUser.May"/>) — the access-matrix test reads these
/// declarations too.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Any signed-in user: the dashboard, the channel rules, one's own account.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Read deal registrations (a reseller its subtree's, vendor staff all; Compliance reads the deals its cases refer to).</summary>
    public const string ReadDeals = nameof(ReadDeals);

    /// <summary>A reseller's own acts: register deals, report sales, ask for the extension, ask for cross-region authorization.</summary>
    public const string Resell = nameof(Resell);

    /// <summary>Develop sub-agents: resellers of Core agents and above.</summary>
    public const string Recruit = nameof(Recruit);

    /// <summary>Whether a customer is free to register.</summary>
    public const string CheckAvailability = nameof(CheckAvailability);

    /// <summary>The channel manager's work: review queue, decisions, agents' grades and contracts, vendor-direct orders.</summary>
    public const string ManageChannel = nameof(ManageChannel);

    /// <summary>The market-monitoring desk: the case list and case pages of vendor staff.</summary>
    public const string MonitorCases = nameof(MonitorCases);

    /// <summary>Read violation cases: vendor staff all of them, a reseller those about its own subtree.</summary>
    public const string ReadCases = nameof(ReadCases);

    /// <summary>Open a case against a known agent.</summary>
    public const string OpenCases = nameof(OpenCases);

    /// <summary>Market monitoring: investigate, decide, penalize, decide appeals.</summary>
    public const string WorkCases = nameof(WorkCases);

    /// <summary>Appeal a penalty: the penalized agent's resellers, or Compliance recording an appeal that came otherwise.</summary>
    public const string Appeal = nameof(Appeal);

    /// <summary>Read the agents of the channel.</summary>
    public const string ReadAgents = nameof(ReadAgents);

    /// <summary>Read agents' trees and pages: vendor staff all of it, a reseller its own subtree.</summary>
    public const string ReadHierarchy = nameof(ReadHierarchy);

    /// <summary>Read cross-region authorizations (a reseller its own agent's, vendor staff all).</summary>
    public const string ReadAuthorizations = nameof(ReadAuthorizations);

    /// <summary>Read customers (a reseller its protected ones, vendor staff all).</summary>
    public const string ReadCustomers = nameof(ReadCustomers);

    /// <summary>Read the price list.</summary>
    public const string ReadPrices = nameof(ReadPrices);

    /// <summary>Read and verify the audit log.</summary>
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>Manage staff accounts.</summary>
    public const string AdministerUsers = nameof(AdministerUsers);

    public static IReadOnlyList<PortalPolicy> All { get; } =
    [
        new(SignedIn, PortalRoles.All),
        new(ReadDeals, [PortalRoles.Reseller, PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new(Resell, [PortalRoles.Reseller]),
        new(Recruit, [PortalRoles.Reseller], [nameof(AgentTier.Strategic), nameof(AgentTier.Core)]),
        new(CheckAvailability, [PortalRoles.Reseller, PortalRoles.ChannelManager]),
        new(ManageChannel, [PortalRoles.ChannelManager]),
        new(MonitorCases, [PortalRoles.Compliance, PortalRoles.ChannelManager]),
        new(ReadCases, [PortalRoles.Compliance, PortalRoles.ChannelManager, PortalRoles.Reseller]),
        new(OpenCases, [PortalRoles.Compliance, PortalRoles.ChannelManager]),
        new(WorkCases, [PortalRoles.Compliance]),
        new(Appeal, [PortalRoles.Compliance, PortalRoles.Reseller]),
        new(ReadAgents, [PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new(ReadHierarchy, [PortalRoles.ChannelManager, PortalRoles.Compliance, PortalRoles.Reseller]),
        new(ReadAuthorizations, [PortalRoles.Reseller, PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new(ReadCustomers, [PortalRoles.Reseller, PortalRoles.ChannelManager, PortalRoles.Compliance]),
        new(ReadPrices, [PortalRoles.ChannelManager, PortalRoles.Reseller, PortalRoles.Compliance]),
        new(ReadAudit, [PortalRoles.Compliance, PortalRoles.Admin]),
        new(AdministerUsers, [PortalRoles.Admin]),
    ];

    private static readonly Dictionary<string, PortalPolicy> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static PortalPolicy Get(string name) =>
        ByName.TryGetValue(name, out var policy) ? policy : throw new ArgumentException($"No policy named {name}.", nameof(name));

    /// <summary>Whether a principal (a page's user, the menu's) holds the policy.</summary>
    public static bool Allows(ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && Get(policy).Allows(user.IsInRole, user.FindFirst(PortalClaims.AgentTier)?.Value);
    }

    /// <summary>Declares every policy with ASP.NET Core's authorization, for pages and endpoints.</summary>
    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var policy in All)
        {
            builder.AddPolicy(policy.Name, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(policy.Roles);
                if (policy.Tiers is { } tiers)
                {
                    p.RequireClaim(PortalClaims.AgentTier, tiers);
                }
            });
        }

        return builder;
    }
}
