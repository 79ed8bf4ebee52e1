using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Notifications;
using Portal.Features.Notifications;

namespace Portal.Features.Deals;

/// <summary>
/// What a registration's review tells (DESIGN.md §10), written in the use case's transaction: a registration held for
/// review to the registering agent's users and to the managers of the customer's region who decide it; a manager's
/// decision of it to the agent's users, with the outcome and the first reason.
/// </summary>
internal static class DealNotices
{
    /// <summary>Said when a registration was approved after review instead of a refusal's reason.</summary>
    public const string ProtectedKey = "@Notice_RegistrationDecided_Protected";

    public static async Task HeldAsync(NotificationOutbox outbox, PortalDbContext db, DealRegistration deal, Customer customer, string agentCode, CancellationToken ct)
    {
        var arguments = new Dictionary<string, string>
        {
            ["customer"] = customer.LegalName,
            ["agent"] = agentCode,
            ["reason"] = FirstReason(deal) ?? string.Empty,
        };
        await outbox.ToAgentAsync(db, deal.AgentId, new Notice(NotificationKind.RegistrationHeld, $"/deals/{deal.Id}", arguments), ct).ConfigureAwait(false);
        await outbox.ToRoleAsync(db, PortalRoles.ChannelManager, new Notice(NotificationKind.RegistrationHeld, "/review", arguments), customer.RegionCode, ct).ConfigureAwait(false);
    }

    public static async Task DecidedAsync(NotificationOutbox outbox, PortalDbContext db, DealRegistration deal, string customer, CancellationToken ct)
    {
        var arguments = new Dictionary<string, string>
        {
            ["customer"] = customer,
            ["outcome"] = $"@DealStatus_{deal.Status}",
            ["reason"] = deal.Status == DealStatus.Approved ? ProtectedKey : FirstReason(deal) ?? string.Empty,
        };
        await outbox.ToAgentAsync(db, deal.AgentId, new Notice(NotificationKind.RegistrationDecided, $"/deals/{deal.Id}", arguments), ct).ConfigureAwait(false);
    }

    private static string? FirstReason(DealRegistration deal) => deal.Reasons.FirstOrDefault() is { } r ? $"@Reason_{r.Code}" : null;
}
