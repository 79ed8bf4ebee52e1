using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Sales;
using Portal.Features.Audit;

namespace Portal.Features.Deals;

/// <summary>
/// What a reseller does with its own registrations after submitting them: report the sale, mark it lost, ask for the
/// one extension. Each action goes through the deal's state machine and the audit log, in one transaction.
/// A deal the caller may not see is "not found"; one it may see but that belongs to a sub-agent is not its to act on.
/// </summary>
public sealed class DealLifecycleService(ChannelWrites writes, ReferenceData reference, AuditTrail audit, ChannelPolicy policy, TimeProvider clock)
{
    /// <summary>The pseudo guard key of an action the current state has no transition for (shown as Guard_NotInThisState).</summary>
    public const string NotInThisState = "NotInThisState";

    /// <summary>
    /// Reports the sale of an Approved deal: the deal is Won, the lines are recorded with the prices actually charged
    /// (facts are never refused), the customer becomes the agent's developed customer, and a line below the uniform
    /// price or a sale outside the territory opens a violation case.
    /// </summary>
    public async Task<DealActionResult> ReportSaleAsync(CurrentUser user, int dealId, SalesReportInput? input, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.RequireReseller(user);
        return await writes.RunAsync("ReportSale", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await OwnDealAsync(db, agentId, dealId, DealAction.ReportSale, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var validated = SalesReportValidator.Validate(input, prices, at);
            if (!validated.IsValid)
            {
                return DealActionResult.Invalid(validated.Errors);
            }

            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == deal.CustomerId, ct).ConfigureAwait(false);
            var authorizations = (await db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId && a.Status == AuthorizationStatus.Approved).ToListAsync(ct).ConfigureAwait(false))
                .Select(AuthorizationSnapshot.From).ToList();
            var evaluation = SalesReportRules.Evaluate(validated.Value, new SaleContext(agent, customer.Id, customer.Region, authorizations, prices), policy.Protection, at);

            var report = new SalesReport(deal.Id, agentId, customer.Id, validated.Value.SoldOn, evaluation.Lines.Select(l => new SalesReportLine(l.Sku, l.Quantity, l.UnitPrice, l.UniformPrice)), at, user.Email);
            db.SalesReports.Add(report);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            deal.ReportSale(report);

            // Customer protection: the developed customer stays the agent's for AfterSaleMonths after the sale —
            // unless, meanwhile, another agent holds it (the sale is still recorded; the conflict is Compliance's).
            var notes = new List<Reason>();
            if (evaluation.ProtectedUntil is { } until)
            {
                var heldByOther = await db.CustomerProtections.AnyAsync(p => p.CustomerId == customer.Id && p.EndedAt == null && p.AgentId != agentId && p.Since <= at && p.Until > at, ct).ConfigureAwait(false);
                if (heldByOther)
                {
                    notes.Add(new Reason(ReasonCode.CustomerProtected, InputField.CustomerUscc));
                }
                else
                {
                    await ProtectionLedger.GrantAsync(db, customer.Id, agentId, ProtectionBasis.Sale, at, until, deal.Id, ct).ConfigureAwait(false);
                }
            }

            foreach (var found in evaluation.CasesToOpen)
            {
                DealRegistrationService.OpenCase(db, found, deal.Id, report.Id, at);
            }

            var codes = evaluation.CasesToOpen.Select(c => c.Type.ToString()).ToList();
            await audit.AppendAsync(db, new AuditRecord(user.Email, "DealWon", "Deal", DealRegistrationService.Id(deal.Id), "Approved", $"Won; sales report {report.Id} sold on {report.SoldOn:O}; cases: {string.Join(",", codes)}", notes.Select(n => n.Code).ToList()), ct).ConfigureAwait(false);
            return DealActionResult.Done(report.Id, notes);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approved → Lost: the customer did not buy; its protection ends now (released).</summary>
    public async Task<DealActionResult> MarkLostAsync(CurrentUser user, int dealId, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.RequireReseller(user);
        return await writes.RunAsync("MarkDealLost", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await OwnDealAsync(db, agentId, dealId, DealAction.MarkLost, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            deal.MarkLost();
            if (await ProtectionLedger.OpenForDealAsync(db, deal.Id, ct).ConfigureAwait(false) is { } protection)
            {
                protection.End(at, ProtectionEnd.Released);
            }

            await audit.AppendAsync(db, new AuditRecord(user.Email, "DealLost", "Deal", DealRegistrationService.Id(deal.Id), "Approved", "Lost"), ct).ConfigureAwait(false);
            return DealActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approved → ExtensionRequested, once, with a written reason; a ChannelManager decides.</summary>
    public async Task<DealActionResult> RequestExtensionAsync(CurrentUser user, int dealId, string? reason, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.RequireReseller(user);
        return await writes.RunAsync("RequestExtension", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await OwnDealAsync(db, agentId, dealId, DealAction.RequestExtension, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);
            var decision = RegistrationExtension.Decide(new ExtensionSnapshot(deal.Status, deal.ProtectedUntil, deal.ExtensionUsed, agent.Status), reason, at, policy.Protection);
            if (!decision.IsAllowed)
            {
                return DealActionResult.Refused(decision.Decision.Reasons);
            }

            deal.RequestExtension(reason!, at);
            await audit.AppendAsync(db, new AuditRecord(user.Email, "ExtensionRequested", "Deal", DealRegistrationService.Id(deal.Id), "Approved", "ExtensionRequested"), ct).ConfigureAwait(false);
            return DealActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a deal for an action by its own agent: not found when the caller's subtree does not contain it,
    /// forbidden when it belongs to a sub-agent, "not now" with the unmet guards when the machine holds it back.
    /// </summary>
    internal static async Task<(DealRegistration? Deal, DealActionResult? Failure)> OwnDealAsync(PortalDbContext db, int agentId, int dealId, DealAction action, DateTime at, CancellationToken ct)
    {
        var deal = await db.Deals.Include(d => d.Lines).Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == dealId, ct).ConfigureAwait(false);
        if (deal is null || !await db.AgentLinks.AnyAsync(l => l.AncestorId == agentId && l.DescendantId == deal.AgentId, ct).ConfigureAwait(false))
        {
            return (null, DealActionResult.NotFound);
        }

        AccessDeniedException.Unless(deal.AgentId == agentId);
        var availability = deal.Availability(action, at);
        return availability.IsAllowed
            ? (deal, null)
            : (null, DealActionResult.NotAllowedNow(availability.AppliesInState ? availability.UnmetGuards : [NotInThisState]));
    }
}
