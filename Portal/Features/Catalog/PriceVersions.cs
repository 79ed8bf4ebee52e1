using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Audit;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Pricing.Versions;
using Portal.Features.Audit;
using Portal.Features.Deals;
using Portal.Features.Notifications;

namespace Portal.Features.Catalog;

/// <summary>
/// The price list's changes (DESIGN.md §9): a channel manager publishes a version (now or later) and retires products;
/// each agent acknowledges the versions it is asked to. The rules are <see cref="PriceVersionValidator"/> and
/// <see cref="PriceVersionRules"/>; deals take the version in force when they are submitted (the price list in
/// <see cref="ReferenceData"/> is read again as soon as a version is added).
/// </summary>
public sealed class PriceVersions(ChannelWrites writes, AuditTrail audit, BusinessClock clock, NotificationOutbox outbox)
{
    public const int ReasonMaxLength = 500;

    /// <summary>Publishes a whole price list version; without an effective-from it takes effect at once.</summary>
    public async Task<UseCaseResult<PriceVersionPublished>> PublishAsync(CurrentUser manager, PriceVersionInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        if (!MayChangeNationalList(manager))
        {
            return Refusal.Because(UseCaseCode.NationalPriceList);
        }

        return await writes.RunAsync<PriceVersionPublished>("PublishPriceVersion", async (db, ct) =>
        {
            var now = clock.Now;
            var products = await db.Products.ToListAsync(ct).ConfigureAwait(false);
            var validated = PriceVersionValidator.Validate(
                input,
                [.. products.Where(p => p.IsActive).Select(p => p.Sku)],
                [.. products.Where(p => !p.IsActive).Select(p => p.Sku)],
                now);
            if (!validated.IsValid)
            {
                return Refusal.Invalid(validated);
            }

            var request = validated.Value;
            var latest = await db.PriceListVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var decision = PriceVersionRules.Decide(request, latest?.EffectiveFrom);
            if (decision.IsRefused)
            {
                return Refusal.Because(decision);
            }

            foreach (var product in products.Where(p => p.IsActive))
            {
                product.SetUniformPrice(request.Prices[product.Sku], request.EffectiveFrom);
            }

            foreach (var (tier, rate) in request.Discounts)
            {
                db.TierDiscounts.Add(new TierDiscount(tier, rate, request.EffectiveFrom));
            }

            var version = new PriceListVersion((latest?.Number ?? 0) + 1, request.EffectiveFrom, request.Note, now, manager.Email);
            db.PriceListVersions.Add(version);
            var after = new
            {
                effectiveFrom = version.EffectiveFrom,
                note = version.Note,
                prices = request.Prices.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
                discounts = request.Discounts.OrderBy(d => d.Key).ToDictionary(d => d.Key.ToString(), d => d.Value),
            };
            await audit.AppendAsync(db, new AuditRecord(manager.Email, AuditAction.PriceVersionPublished, AuditEntity.PriceListVersion, Number(version.Number), After: after), ct).ConfigureAwait(false);

            // Every agent asked to acknowledge it is told, in one set-based write (ADR 34).
            await outbox.ToUsersOfAgentsAsync(db, PriceVersionQueries.AskedToAcknowledge(db).Select(a => a.Id), Notices.PriceVersionPublished(version.Number, clock.DateOf(version.EffectiveFrom)), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new PriceVersionPublished(version.Number, version.EffectiveFrom, version.StateAt(now, null)));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The reseller's agent acknowledges a published version (in force or scheduled). One acknowledgement per agent and
    /// version counts: acknowledging again answers the first one.
    /// </summary>
    public async Task<UseCaseResult<VersionAcknowledged>> AcknowledgeAsync(CurrentUser reseller, int number, CancellationToken cancellationToken = default)
    {
        var agentId = DealRegistrationService.ResellerAgent(reseller);
        return await writes.RunAsync<VersionAcknowledged>("AcknowledgePriceVersion", async (db, ct) =>
        {
            var version = await db.PriceListVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct).ConfigureAwait(false);
            if (version is null)
            {
                return Refusal.NotFound;
            }

            var agentCode = await db.Agents.Where(a => a.Id == agentId).Select(a => a.Code).SingleAsync(ct).ConfigureAwait(false);
            var existing = await db.PolicyAcknowledgements.AsNoTracking().SingleOrDefaultAsync(a => a.VersionId == version.Id && a.AgentId == agentId, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return UseCaseResult.Ok(new VersionAcknowledged(number, agentCode, existing.AcknowledgedBy, existing.AcknowledgedAt));
            }

            var acknowledgement = new PolicyAcknowledgement(version.Id, agentId, reseller.Email, clock.Now);
            db.PolicyAcknowledgements.Add(acknowledgement);
            await audit.AppendAsync(db, new AuditRecord(reseller.Email, AuditAction.PriceVersionAcknowledged, AuditEntity.PriceListVersion, Number(number), After: new { agent = agentCode }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new VersionAcknowledged(number, agentCode, acknowledgement.AcknowledgedBy, acknowledgement.AcknowledgedAt));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retires a product with a written reason: it is never deleted, and no new deal may name it.</summary>
    public async Task<UseCaseResult<ProductRetired>> RetireAsync(CurrentUser manager, string sku, string? reason, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(sku);
        if (!MayChangeNationalList(manager))
        {
            return Refusal.Because(UseCaseCode.NationalPriceList);
        }

        var check = new InputCheck();
        var text = check.Text(InputField.WrittenReason, reason, ReasonMaxLength, multiline: true);
        if (text is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        var key = sku.Trim().ToUpperInvariant();
        return await writes.RunAsync<ProductRetired>("RetireProduct", async (db, ct) =>
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == key, ct).ConfigureAwait(false);
            if (product is null)
            {
                return Refusal.NotFound;
            }

            var now = clock.Now;
            product.Retire(now);
            await audit.AppendAsync(db, new AuditRecord(manager.Email, AuditAction.ProductRetired, AuditEntity.Product, product.Sku, new { active = true }, new { active = false, reason = text }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new ProductRetired(product.Sku, now));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The uniform price is one national price (DESIGN.md §2.3): only a channel manager of the whole channel changes it,
    /// never one scoped to regions.
    /// </summary>
    public static bool MayChangeNationalList(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.May(PortalPolicies.ManageChannel) && user.ScopeRegions.Count == 0;
    }

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
