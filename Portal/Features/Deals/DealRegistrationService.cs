using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Features.Audit;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Notifications;

namespace Portal.Features.Deals;

/// <summary>
/// Deal registration (报备) and the customer availability check — the use cases a reseller runs every day. The rules
/// are <see cref="DealRegistrationValidator"/> and <see cref="DealRegistrationRules"/>; this service only loads
/// what they judge, stores what they decide and audits it, in one transaction.
/// </summary>
public sealed class DealRegistrationService(
    ChannelWrites writes,
    PortalData data,
    ReferenceData reference,
    ProtectionLedger protections,
    ViolationDetection detection,
    AuditTrail audit,
    AvailabilityLimit limit,
    ChannelPolicy policy,
    BusinessClock clock,
    NotificationOutbox outbox)
{
    /// <summary>
    /// Registers a deal for the reseller's agent. Invalid input stores nothing; a well-formed registration is
    /// kept whatever the rules decide (Approved, PendingReview or Rejected with its reasons). When registrations of
    /// one customer race, the first committed wins and the others are refused with CUSTOMER_PROTECTED.
    /// </summary>
    public async Task<UseCaseResult<DealRegistered>> RegisterAsync(CurrentUser user, DealRegistrationInput? input, CancellationToken cancellationToken = default)
    {
        var agentId = ResellerAgent(user);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);

        return await writes.RunAsync<DealRegistered>("RegisterDeal", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.Now;
            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var validated = DealRegistrationValidator.Validate(input, prices, code => regions.ContainsKey(code.Value), at, clock.Calendar);
            if (!validated.IsValid)
            {
                return Refusal.Invalid(validated);
            }

            var request = validated.Value;
            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);

            // A customer already on file is judged on its record, not on what the reseller typed.
            var customer = await RegistrationContextLoader.CustomerAsync(db, request.Customer.Uscc.Value, ct).ConfigureAwait(false);
            var registering = customer is null
                ? request.Customer
                : request.Customer with { LegalName = customer.LegalName, Region = customer.Region, Segment = customer.Segment };
            var context = await RegistrationContextLoader.LoadAsync(db, agent, registering, customer?.Id, prices, null, ct).ConfigureAwait(false);
            var decision = DealRegistrationRules.Decide(request with { Customer = registering }, context, policy, at);

            // A new customer is saved with its deal, in one SaveChanges: until then the deal names it by the temporary
            // key EF Core gave it, which the database's id replaces in both when they are saved.
            var newCustomer = customer is null;
            if (customer is null)
            {
                customer = new Customer(registering.Uscc, registering.LegalName, registering.Region, registering.Segment, at);
                db.Customers.Add(customer);
            }

            var deal = new DealRegistration(agentId, newCustomer ? db.Entry(customer).Property(c => c.Id).CurrentValue : customer.Id, request.ExpectedCloseDate, decision.Lines.Select(ToDealLine), at);
            deal.Submit(at);
            db.Deals.Add(deal);
            var reasons = decision.Reasons.Select(r => new DealReason(r.Code, r.Field)).ToList();
            switch (decision.Outcome)
            {
                case RegistrationOutcome.Approved:
                    deal.Approve(at, decision.ProtectedUntil!.Value, notices: reasons);
                    break;
                case RegistrationOutcome.PendingReview:
                    deal.SendToReview(reasons);
                    deal.SetReviewDeadline(policy.HeldRegistrationDeadline(at));
                    break;
                default:
                    deal.Reject(reasons, at);
                    break;
            }

            // The deal's id is needed by its protection, its case and its audit entry; those are saved together after it.
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            if (decision.Outcome == RegistrationOutcome.Approved)
            {
                var grant = new ProtectionGrant(customer.Id, agentId, ProtectionBasis.Registration, at, decision.ProtectedUntil!.Value, deal.Id);
                if (newCustomer)
                {
                    protections.GrantFirst(db, grant);
                }
                else
                {
                    await protections.GrantAsync(db, grant, ct).ConfigureAwait(false);
                }
            }

            if (decision.DiscountSellingCase is { } found)
            {
                await detection.OpenAsync(db, found, deal.Id, null, at, ct).ConfigureAwait(false);
            }

            await audit.AppendAsync(db, AuditRecord.Of(
                user.Email,
                AuditAction.DealRegistered,
                AuditEntity.Deal,
                deal.Id,
                after: new { deal.Status, customer = customer.Uscc, deal.ProtectedUntil },
                reasonCodes: decision.Codes), ct).ConfigureAwait(false);
            if (decision.Outcome == RegistrationOutcome.PendingReview)
            {
                await DealNotices.HeldAsync(outbox, db, deal, customer, agent.Code, ct).ConfigureAwait(false);
            }

            return UseCaseResult.Ok(new DealRegistered(deal.Id, deal.Status, decision.Reasons, Until(deal.ProtectedUntil)));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a customer could be registered now: for a reseller, only "available" or "protected until …" — customer
    /// protection never reveals who holds a customer. Each user has a budget of checks per minute, and every check is
    /// audited, so that mapping the channel's protected customers is neither cheap nor invisible.
    /// </summary>
    public async Task<UseCaseResult<Availability>> CheckAvailabilityAsync(CurrentUser user, string? uscc, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.CheckAvailability);
        var check = new InputCheck();
        var code = check.Uscc(InputField.CustomerUscc, uscc);
        if (code is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        if (!limit.TryAcquire(user.Id))
        {
            return Refusal.Throttled;
        }

        var at = clock.Now;
        HeldBy? protection;
        await using (var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false))
        {
            protection = await ProtectionInForce.For(db)(db, code.Value.Value, at, cancellationToken).ConfigureAwait(false);
        }

        // The holder itself learns it is its own customer; nobody else learns anything more.
        var availability = protection is null
            ? new Availability(true, null, false)
            : new Availability(false, clock.LastDay(protection.Until), user.AgentId == protection.AgentId);
        await audit.RecordAsync(new AuditRecord(user.Email, AuditAction.CustomerAvailabilityChecked, AuditEntity.Customer, code.Value.Value, After: new { availability.Available }), cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(availability);
    }

    /// <summary>The agent whose reseller <paramref name="user"/> is; anyone else may not act as a reseller.</summary>
    internal static int ResellerAgent(CurrentUser? user)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.Resell);
        return user!.AgentId ?? throw new AccessDeniedException();
    }

    // The availability check is asked on every keystroke of a USCC: compiled once.
    private static readonly PerModel<Func<PortalDbContext, string, DateTime, CancellationToken, Task<HeldBy?>>> ProtectionInForce = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string uscc, DateTime at, CancellationToken ct) =>
            db.CustomerProtections.AsNoTracking()
                .Where(p => p.EndedAt == null && p.Since <= at && p.Until > at)
                .Join(db.Customers.Where(c => c.Uscc == uscc), p => p.CustomerId, c => c.Id, (p, c) => new HeldBy(p.AgentId, p.Until))
                .FirstOrDefault()));

    private DateOnly? Until(DateTime? protectedUntil) => protectedUntil is { } until ? clock.LastDay(until) : null;

    private static DealLine ToDealLine(PricedLine line) =>
        new(line.Sku, line.Quantity, line.UnitPrice, line.UniformPrice ?? 0m, line.PurchasePrice ?? 0m);

    private sealed record HeldBy(int AgentId, DateTime Until);
}
