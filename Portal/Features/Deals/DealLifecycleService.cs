using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Sales;
using Portal.Features.Audit;
using Portal.Features.Compliance;
using Portal.Features.Customers;

namespace Portal.Features.Deals;

/// <summary>
/// What a reseller does with its own registrations after submitting them: report the sale, mark it lost, ask for the
/// one extension. Each action goes through the deal's state machine and the audit log, in one transaction.
/// A deal the caller may not see is "not found"; one it may see but that belongs to a sub-agent is not its to act on.
/// </summary>
public sealed class DealLifecycleService(
    ChannelWrites writes,
    ReferenceData reference,
    ProtectionLedger protections,
    ViolationDetection detection,
    AuditTrail audit,
    ChannelPolicy policy,
    BusinessClock clock)
{
    /// <summary>
    /// Reports the sale of an Approved deal: the deal is Won, the lines are recorded with the prices actually charged
    /// (facts are never refused), the customer becomes the agent's developed customer, and a line below the uniform
    /// price or a sale outside the territory opens a violation case.
    /// </summary>
    public async Task<UseCaseResult<SaleReported>> ReportSaleAsync(CurrentUser user, int dealId, SalesReportInput? input, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.ResellerAgent(user);
        return await writes.RunAsync<SaleReported>("ReportSale", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a report that waited judges what committed before it.
            var at = clock.Now;
            var (deal, refusal) = await OwnDealAsync(db, agentId, dealId, DealAction.ReportSale, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return refusal!;
            }

            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var validated = SalesReportValidator.Validate(input, prices, clock.DateOf(deal.CreatedAt), at, clock.Calendar);
            if (!validated.IsValid)
            {
                return Refusal.Invalid(validated);
            }

            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == deal.CustomerId, ct).ConfigureAwait(false);
            var authorizations = (await db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId && a.Status == AuthorizationStatus.Approved).ToListAsync(ct).ConfigureAwait(false))
                .Select(AuthorizationSnapshot.From).ToList();
            var evaluation = SalesReportRules.Evaluate(validated.Value, new SaleContext(agent, customer.Id, customer.Region, authorizations, prices), policy, at);

            var report = new SalesReport(deal.Id, agentId, customer.Id, validated.Value.SoldOn, evaluation.Lines.Select(l => new SalesReportLine(l.Sku, l.Quantity, l.UnitPrice, l.UniformPrice)), at, user.Email);
            db.SalesReports.Add(report);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            deal.ReportSale(report);

            // Customer protection: the developed customer stays the agent's for AfterSaleMonths after the sale —
            // unless, meanwhile, another agent holds it (the sale is still recorded; the conflict is Compliance's).
            var notes = new List<Reason>();
            DateTime? protectedUntil = null;
            if (evaluation.ProtectedUntil is { } until)
            {
                var granted = await protections.GrantUnlessHeldAsync(db, new ProtectionGrant(customer.Id, agentId, ProtectionBasis.Sale, at, until, deal.Id), ct).ConfigureAwait(false);
                if (granted is null)
                {
                    notes.Add(new Reason(ReasonCode.CustomerProtected, InputField.CustomerUscc));
                }
                else
                {
                    protectedUntil = granted.Until;
                }
            }

            var opened = new List<int>();
            foreach (var found in evaluation.CasesToOpen)
            {
                opened.Add((await detection.OpenAsync(db, found, deal.Id, report.Id, at, ct).ConfigureAwait(false)).Id);
                notes.AddRange(found.Type == ViolationType.DiscountSelling
                    ? found.Lines.Select(l => new Reason(ReasonCode.PriceNotUniform, InputField.LineUnitPrice(l.LineIndex)))
                    : [new Reason(ReasonCode.OutOfTerritory, InputField.CustomerRegionCode)]);
            }

            await audit.AppendAsync(db, AuditRecord.Of(
                user.Email,
                AuditAction.DealWon,
                AuditEntity.Deal,
                deal.Id,
                new { Status = DealStatus.Approved },
                new { deal.Status, SalesReportId = report.Id, report.SoldOn, ProtectedUntil = protectedUntil, Cases = opened },
                [.. notes.Select(n => n.Code).Distinct()]), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new SaleReported(report.Id, deal.Id, deal.Status, protectedUntil is { } u ? clock.LastDay(u) : null, notes, opened));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approved → Lost: the customer did not buy; its protection ends now (released).</summary>
    public async Task<UseCaseResult<DealChanged>> MarkLostAsync(CurrentUser user, int dealId, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.ResellerAgent(user);
        return await writes.RunAsync<DealChanged>("MarkDealLost", async (db, ct) =>
        {
            var at = clock.Now;
            var (deal, refusal) = await OwnDealAsync(db, agentId, dealId, DealAction.MarkLost, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return refusal!;
            }

            deal.MarkLost();
            await protections.ReleaseAsync(db, deal.Id, at, ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.DealLost, AuditEntity.Deal, deal.Id, new { Status = DealStatus.Approved }, new { deal.Status }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, null, []));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approved → ExtensionRequested, once, with a written reason; a ChannelManager decides.</summary>
    public async Task<UseCaseResult<DealChanged>> RequestExtensionAsync(CurrentUser user, int dealId, string? reason, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.ResellerAgent(user);
        var check = new InputCheck();
        var text = check.Text(InputField.WrittenReason, reason, DealRegistration.ReasonTextMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<DealChanged>("RequestExtension", async (db, ct) =>
        {
            var at = clock.Now;
            var (deal, refusal) = await OwnDealAsync(db, agentId, dealId, DealAction.RequestExtension, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return refusal!;
            }

            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);
            var decision = RegistrationExtension.Decide(new ExtensionSnapshot(deal.Status, deal.ProtectedUntil, deal.ExtensionUsed, agent.Status), text, at, policy);
            if (!decision.IsAllowed)
            {
                return Refusal.Because(decision.Decision);
            }

            deal.RequestExtension(text!, at);
            deal.SetReviewDeadline(policy.ExtensionDeadline(at, deal.ProtectedUntil!.Value));
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.ExtensionRequested, AuditEntity.Deal, deal.Id, new { Status = DealStatus.Approved }, new { deal.Status, Reason = text, deal.ReviewDeadline }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, clock.LastDay(deal.ProtectedUntil!.Value), []));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a deal for an action by its own agent: not found when the caller's subtree does not contain it,
    /// forbidden when it belongs to a sub-agent, refused (with the unmet guards) when the machine holds it back.
    /// </summary>
    private static async Task<(DealRegistration? Deal, Refusal? Refusal)> OwnDealAsync(PortalDbContext db, int agentId, int dealId, DealAction action, DateTime at, CancellationToken ct)
    {
        var deal = await db.Deals.Include(d => d.Lines).Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == dealId, ct).ConfigureAwait(false);
        if (deal is null || !await db.AgentLinks.AnyAsync(l => l.AncestorId == agentId && l.DescendantId == deal.AgentId, ct).ConfigureAwait(false))
        {
            return (null, Refusal.NotFound);
        }

        AccessDeniedException.Unless(deal.AgentId == agentId);
        return Refusal.Unless(deal.Availability(action, at)) is { } refusal ? (null, refusal) : (deal, null);
    }
}
