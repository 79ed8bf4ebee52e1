using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Audit;
using Portal.Features.Deals;
using Portal.Features.Notifications;

namespace Portal.Features.Customers;

/// <summary>
/// What an arbitration did; both agents are told of it in the same transaction (DESIGN.md §10, ADR 34).
/// <see cref="ToAgentCode"/> is null for a release.
/// </summary>
public sealed record ProtectionArbitrated(
    int CustomerId,
    string Uscc,
    int FromAgentId,
    string FromAgentCode,
    int? ToAgentId,
    string? ToAgentCode,
    DateTime At,
    DateTime? Until,
    string Reason,
    IReadOnlyList<int> CancelledDealIds);

/// <summary>
/// Arbitration and correction of customer protection by a ChannelManager (DESIGN.md §9, ADR 0027): move the customer
/// to another agent or release it, with a written reason. One transaction ends the holder's protection, grants the new
/// one (through the <see cref="ProtectionLedger"/>, like the disqualification cascade's handovers), cancels the old
/// holder's registrations still protecting that customer, and audits each step — the customer never has two holders,
/// the unique index on open protections guaranteeing it against any concurrent registration.
/// </summary>
public sealed class ProtectionArbitration(ChannelWrites writes, PortalData data, ProtectionLedger ledger, AuditTrail audit, BusinessClock clock, NotificationOutbox outbox)
{
    /// <summary>The most an arbitration's reason may say.</summary>
    public const int ReasonMaxLength = 1000;

    // The registrations of the old holder that protect the customer, cancelled with it.
    private static readonly DealStatus[] Protecting = [DealStatus.Approved, DealStatus.ExtensionRequested];

    /// <summary>The customer's protection moves to <paramref name="toAgentCode"/> for the rest of its period.</summary>
    public async Task<UseCaseResult<ProtectionArbitrated>> TransferAsync(CurrentUser manager, string? uscc, string? toAgentCode, string? reason, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var code = check.Text(ProtectionArbitrationRules.TargetField, toAgentCode, Agent.CodeMaxLength)?.ToUpperInvariant();
        var text = check.Text(InputField.WrittenReason, reason, ReasonMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        var (customerId, targetId) = await VisibleAsync(manager, uscc, code, cancellationToken).ConfigureAwait(false);
        if (customerId is null)
        {
            return Refusal.NotFound;
        }

        if (targetId is null)
        {
            return Refusal.Invalid(ProtectionArbitrationRules.TargetField, UseCaseCode.UnknownAgent);
        }

        return await writes.RunAsync<ProtectionArbitrated>("TransferProtection", async (db, ct) =>
        {
            var at = clock.Now;
            var (customer, holding) = await HoldingAsync(db, customerId.Value, at, ct).ConfigureAwait(false);
            if (holding is null)
            {
                return Refusal.Because(UseCaseCode.NotProtected);
            }

            if (holding.AgentId == targetId)
            {
                return Refusal.Because(UseCaseCode.AlreadyHolder, ProtectionArbitrationRules.TargetField);
            }

            var target = await RegistrationContextLoader.AgentAsync(db, targetId.Value, ct).ConfigureAwait(false);
            var authorizations = await db.CrossRegionAuthorizations.AsNoTracking()
                .Where(a => a.AgentId == target.Id && a.Status == AuthorizationStatus.Approved)
                .ToListAsync(ct).ConfigureAwait(false);
            var decision = ProtectionArbitrationRules.DecideTransfer(target, customer.Region, customer.Id, authorizations.Select(AuthorizationSnapshot.From), clock.DateOf(at));
            if (decision.IsRefused)
            {
                return Refusal.Because(decision);
            }

            var cancelled = await CancelHolderDealsAsync(db, manager, holding, text!, target.Code, ct).ConfigureAwait(false);
            var granted = await ledger.TransferAsync(db, holding, target.Id, at, manager.Email, text!, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(await TellAsync(db, new ProtectionArbitrated(
                customer.Id, customer.Uscc, holding.AgentId, await CodeOfAsync(db, holding.AgentId, ct).ConfigureAwait(false), target.Id, target.Code, at, granted.Until, text!, cancelled), customer.LegalName, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's protection ends now and the customer is free for any agent to register.</summary>
    public async Task<UseCaseResult<ProtectionArbitrated>> ReleaseAsync(CurrentUser manager, string? uscc, string? reason, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Text(InputField.WrittenReason, reason, ReasonMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        var (customerId, _) = await VisibleAsync(manager, uscc, null, cancellationToken).ConfigureAwait(false);
        if (customerId is null)
        {
            return Refusal.NotFound;
        }

        return await writes.RunAsync<ProtectionArbitrated>("ReleaseProtection", async (db, ct) =>
        {
            var at = clock.Now;
            var (customer, holding) = await HoldingAsync(db, customerId.Value, at, ct).ConfigureAwait(false);
            if (holding is null)
            {
                return Refusal.Because(UseCaseCode.NotProtected);
            }

            var cancelled = await CancelHolderDealsAsync(db, manager, holding, text!, null, ct).ConfigureAwait(false);
            await ledger.ReleaseByArbitrationAsync(db, holding, at, manager.Email, text!, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(await TellAsync(db, new ProtectionArbitrated(
                customer.Id, customer.Uscc, holding.AgentId, await CodeOfAsync(db, holding.AgentId, ct).ConfigureAwait(false), null, null, at, null, text!, cancelled), customer.LegalName, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    // The customer and the agent through the manager's own eyes (a manager scoped to regions acts on those only).
    private async Task<(int? CustomerId, int? AgentId)> VisibleAsync(CurrentUser manager, string? uscc, string? agentCode, CancellationToken ct)
    {
        var key = uscc?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key))
        {
            return (null, null);
        }

        await using var db = await data.ForAsync(manager, ct).ConfigureAwait(false);
        var customerId = await db.Customers.Where(c => c.Uscc == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        var agentId = agentCode is null
            ? null
            : await db.Agents.Where(a => a.Code == agentCode).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return (customerId, agentId);
    }

    // The customer and its protection in force now (tracked: it is about to end). The expiry job closes lapsed ones;
    // one that lapsed but is not closed yet holds nothing to arbitrate.
    private static async Task<(Customer Customer, CustomerProtection? Holding)> HoldingAsync(PortalDbContext db, int customerId, DateTime at, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        var open = await db.CustomerProtections.Where(p => p.CustomerId == customerId && p.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);
        return (customer, open.Find(p => p.IsInForceAt(at)));
    }

    // The old holder's registrations that protect the customer end with its protection: cancelled, with the reason.
    private async Task<IReadOnlyList<int>> CancelHolderDealsAsync(PortalDbContext db, CurrentUser manager, CustomerProtection holding, string reason, string? toAgentCode, CancellationToken ct)
    {
        var deals = await db.Deals
            .Where(d => d.CustomerId == holding.CustomerId && d.AgentId == holding.AgentId && Protecting.Contains(d.Status))
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var deal in deals)
        {
            var before = deal.Status;
            deal.CancelWithReason(reason);
            await audit.AppendAsync(db, AuditRecord.Of(
                manager.Email,
                AuditAction.DealCancelled,
                AuditEntity.Deal,
                deal.Id,
                new { Status = before },
                new { deal.Status, Reason = reason, Arbitration = toAgentCode is null ? "Released" : "Transferred", ToAgentCode = toAgentCode }), ct).ConfigureAwait(false);
        }

        return [.. deals.Select(d => d.Id)];
    }

    // Both agents learn of it: the old holder and, for a transfer, the new one.
    private async Task<ProtectionArbitrated> TellAsync(PortalDbContext db, ProtectionArbitrated done, string customer, CancellationToken ct)
    {
        var notice = Notices.ProtectionArbitrated(customer, done.FromAgentCode, done.ToAgentCode);
        var agents = new List<(int, Notice)> { (done.FromAgentId, notice) };
        if (done.ToAgentId is { } to)
        {
            agents.Add((to, notice));
        }

        await outbox.ToAgentsAsync(db, agents, ct).ConfigureAwait(false);
        return done;
    }

    private static Task<string> CodeOfAsync(PortalDbContext db, int agentId, CancellationToken ct) =>
        db.Agents.Where(a => a.Id == agentId).Select(a => a.Code).SingleAsync(ct);
}
