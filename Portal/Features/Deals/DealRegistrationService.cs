using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Features.Audit;

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
    AuditTrail audit,
    ChannelPolicy policy,
    TimeProvider clock)
{
    /// <summary>
    /// Registers a deal for the reseller's agent. Invalid input stores nothing; a well-formed registration is
    /// kept whatever the rules decide (Approved, PendingReview or Rejected with its reasons). When registrations of
    /// one customer race, the first committed wins and the others are refused with CUSTOMER_PROTECTED.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(CurrentUser user, DealRegistrationInput? input, CancellationToken cancellationToken = default)
    {
        var agentId = RequireReseller(user);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);

        return await writes.RunAsync("RegisterDeal", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var validated = DealRegistrationValidator.Validate(input, prices, code => regions.ContainsKey(code.Value), at);
            if (!validated.IsValid)
            {
                // Nothing has been changed: the empty transaction commits and nothing is stored.
                return RegistrationResult.Invalid(validated.Errors);
            }

            var request = validated.Value!;
            var agent = await RegistrationContextLoader.AgentAsync(db, agentId, ct).ConfigureAwait(false);

            // A customer already on file is judged on its record, not on what the reseller typed.
            var customer = await RegistrationContextLoader.CustomerAsync(db, request.Customer.Uscc.Value, ct).ConfigureAwait(false);
            var registering = customer is null
                ? request.Customer
                : request.Customer with { LegalName = customer.LegalName, Region = customer.Region, Segment = customer.Segment };
            var context = await RegistrationContextLoader.LoadAsync(db, agent, registering, customer?.Id, prices, null, ct).ConfigureAwait(false);
            var decision = DealRegistrationRules.Decide(request with { Customer = registering }, context, policy, at);

            var newCustomer = customer is null;
            if (customer is null)
            {
                customer = new Customer(registering.Uscc, registering.LegalName, registering.Region, registering.Segment, at);
                db.Customers.Add(customer);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            var deal = new DealRegistration(agentId, customer.Id, request.ExpectedCloseDate, decision.Lines.Select(ToDealLine), at);
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
                    break;
                default:
                    deal.Reject(reasons, at);
                    break;
            }

            // The deal's id is needed by its protection, its case and its audit entry; those three are saved together.
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            if (decision.Outcome == RegistrationOutcome.Approved)
            {
                if (newCustomer)
                {
                    ProtectionLedger.GrantFirst(db, customer.Id, agentId, ProtectionBasis.Registration, at, decision.ProtectedUntil!.Value, deal.Id);
                }
                else
                {
                    await ProtectionLedger.GrantAsync(db, customer.Id, agentId, ProtectionBasis.Registration, at, decision.ProtectedUntil!.Value, deal.Id, ct).ConfigureAwait(false);
                }
            }

            if (decision.DiscountSellingCase is { } found)
            {
                OpenCase(db, found, deal.Id, null, at);
            }

            await audit.AppendAsync(db, new AuditRecord(user.Email, "DealRegistered", "Deal", Id(deal.Id), After: $"{deal.Status}; customer {customer.Uscc}; until {deal.ProtectedUntil:O}", ReasonCodes: decision.Codes), ct).ConfigureAwait(false);
            return RegistrationResult.Registered(deal.Id, deal.Status, decision.Reasons, deal.ProtectedUntil);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a customer could be registered now: for a reseller, only "available" or "protected until …" —
    /// customer protection never reveals who holds a customer. An invalid USCC answers its field error.
    /// </summary>
    public async Task<AvailabilityResult> CheckAvailabilityAsync(CurrentUser user, string? uscc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.Unless(user.IsInRole(PortalRoles.Reseller) || user.IsInRole(PortalRoles.ChannelManager));
        if (!Uscc.TryParse(uscc, out var code, out _))
        {
            return AvailabilityResult.Invalid(ReasonCode.InvalidUscc);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        var protection = await ProtectionInForce.For(db)(db, code.Value, at, cancellationToken).ConfigureAwait(false);
        if (protection is null)
        {
            return AvailabilityResult.Free();
        }

        // The holder itself learns it is its own customer; nobody else learns anything more.
        var ownHolder = user.AgentId == protection.AgentId;
        return AvailabilityResult.HeldUntil(protection.Until, ownHolder);
    }

    // The availability check is asked on every keystroke of a USCC: compiled once.
    private static readonly PerModel<Func<PortalDbContext, string, DateTime, CancellationToken, Task<HeldBy?>>> ProtectionInForce = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string uscc, DateTime at, CancellationToken ct) =>
            db.CustomerProtections.AsNoTracking()
                .Where(p => p.EndedAt == null && p.Since <= at && p.Until > at)
                .Join(db.Customers.Where(c => c.Uscc == uscc), p => p.CustomerId, c => c.Id, (p, c) => new HeldBy(p.AgentId, p.Until))
                .FirstOrDefault()));

    internal static void OpenCase(PortalDbContext db, CaseToOpen found, int? dealId, int? salesReportId, DateTime at)
    {
        var description = found.Type == ViolationType.DiscountSelling
            ? "Sold or quoted below the uniform national price: " + string.Join("; ", found.Lines.Select(l => $"{l.Sku} × {l.Quantity} at {l.UnitPrice:0.00} (uniform {l.UniformPrice:0.00})"))
            : $"Operated outside the territory without authorization: region {found.Region}";
        var violation = new ViolationCase(found.SubjectAgentId, null, found.Type, CaseSource.AutoDetected, description, at);
        violation.LinkTo(dealId, salesReportId);
        db.ViolationCases.Add(violation);
    }

    internal static int RequireReseller(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.Unless(user.IsInRole(PortalRoles.Reseller) && user.AgentId is not null);
        return user.AgentId!.Value;
    }

    internal static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DealLine ToDealLine(PricedLine line) =>
        new(line.Sku, line.Quantity, line.UnitPrice, line.UniformPrice ?? 0m, line.PurchasePrice ?? 0m);

    private sealed record HeldBy(int AgentId, DateTime Until);
}
