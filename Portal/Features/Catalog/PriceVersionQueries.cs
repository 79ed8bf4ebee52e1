using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Pricing;
using Portal.Domain.Pricing.Versions;

namespace Portal.Features.Catalog;

/// <summary>
/// Reading the price list's versions: the one in force and the scheduled ones, the history, one version with the
/// previous version's figures beside its own, who has not acknowledged it (vendor staff), and what a reseller's agent
/// still has to acknowledge. Tier discounts other than its own are the vendor's business: a reseller sees only its tier.
/// </summary>
public sealed class PriceVersionQueries(PortalData data, BusinessClock clock)
{
    /// <summary>Every version, newest first, with its state and (for vendor staff) its coverage.</summary>
    public async Task<IReadOnlyList<PriceVersionSummary>> HistoryAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadPrices);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var versions = await db.PriceListVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        var coverage = IsReseller(user) ? null : await CoverageAsync(db, null, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        return versions.Select((v, i) => new PriceVersionSummary(
                v.Number, v.EffectiveFrom, v.Note, v.PublishedAt, v.PublishedBy, v.StateAt(now, i == 0 ? null : versions[i - 1].EffectiveFrom),
                coverage is null ? null : new VersionCoverage(coverage.Acknowledged.GetValueOrDefault(v.Id), coverage.Expected)))
            .ToList();
    }

    /// <summary>One version as the reader may see it, or null when there is no such version.</summary>
    public async Task<PriceVersionView?> VersionAsync(CurrentUser user, int number, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadPrices);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var version = await db.PriceListVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken).ConfigureAwait(false);
        return version is null ? null : await ViewAsync(db, user, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version in force now (null before the first one) and the scheduled ones, soonest first.</summary>
    public async Task<(PriceVersionView? InForce, IReadOnlyList<PriceVersionView> Scheduled)> CurrentAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadPrices);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var inForce = await db.PriceListVersions.AsNoTracking().Where(v => v.EffectiveFrom <= now).OrderByDescending(v => v.EffectiveFrom).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var scheduled = await db.PriceListVersions.AsNoTracking().Where(v => v.EffectiveFrom > now).OrderBy(v => v.EffectiveFrom).ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<PriceVersionView>();
        foreach (var version in scheduled)
        {
            views.Add(await ViewAsync(db, user, version, cancellationToken).ConfigureAwait(false));
        }

        return (inForce is null ? null : await ViewAsync(db, user, inForce, cancellationToken).ConfigureAwait(false), views);
    }

    /// <summary>The Active agents that have not acknowledged a version, by code; null when there is no such version.</summary>
    public async Task<PagedResult<MissingAcknowledgement>?> MissingAsync(CurrentUser user, int number, PageRequest page, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAgents);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var versionId = await db.PriceListVersions.Where(v => v.Number == number).Select(v => (int?)v.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (versionId is not { } id)
        {
            return null;
        }

        var missing = AskedToAcknowledge(db).AsNoTracking().Where(a => !db.PolicyAcknowledgements.Any(k => k.VersionId == id && k.AgentId == a.Id));
        var total = await missing.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await missing.OrderBy(a => a.Code).Skip(page.Skip).Take(page.Take)
            .Select(a => new MissingAcknowledgement(a.Code, a.LegalName, a.Tier))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<MissingAcknowledgement>(rows, total);
    }

    /// <summary>The newest published version the reseller's agent has not acknowledged, if any (what its banner shows).</summary>
    public async Task<PendingAcknowledgement?> PendingAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        if (!IsReseller(user) || user.AgentId is not { } agentId)
        {
            return null;
        }

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var newest = await db.PriceListVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (newest is null || await db.PolicyAcknowledgements.AnyAsync(k => k.VersionId == newest.Id && k.AgentId == agentId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new PendingAcknowledgement(newest.Number, newest.EffectiveFrom, newest.StateAt(clock.Now, null));
    }

    /// <summary>The retired products, most recent first.</summary>
    public async Task<IReadOnlyList<RetiredProduct>> RetiredAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadPrices);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var rows = await db.Products.AsNoTracking().Where(p => !p.IsActive)
            .Select(p => new { p.Sku, p.NameZh, p.NameEn, p.RetiredAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(p => new RetiredProduct(p.Sku, p.NameZh, p.NameEn, p.RetiredAt ?? DateTime.MinValue)).OrderByDescending(p => p.RetiredAt).ToList();
    }

    private async Task<PriceVersionView> ViewAsync(PortalDbContext db, CurrentUser user, PriceListVersion version, CancellationToken ct)
    {
        var previous = await db.PriceListVersions.AsNoTracking().Where(v => v.Number < version.Number).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var next = await db.PriceListVersions.AsNoTracking().Where(v => v.Number > version.Number).OrderBy(v => v.Number).Select(v => (DateTime?)v.EffectiveFrom).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var instants = previous is null ? new[] { version.EffectiveFrom } : [version.EffectiveFrom, previous.EffectiveFrom];

        var prices = await db.ProductPrices.AsNoTracking().Where(p => instants.Contains(p.EffectiveFrom))
            .Select(p => new { p.Product.Sku, p.Product.NameZh, p.Product.NameEn, p.Product.UnitZh, p.Product.UnitEn, p.UniformPrice, p.EffectiveFrom, Retired = !p.Product.IsActive })
            .ToListAsync(ct).ConfigureAwait(false);
        var discounts = await db.TierDiscounts.AsNoTracking().Where(d => instants.Contains(d.EffectiveFrom)).ToListAsync(ct).ConfigureAwait(false);

        AgentTier? readerTier = IsReseller(user) && Enum.TryParse<AgentTier>(user.AgentTier, out var tier) ? tier : null;
        var ownRate = readerTier is { } t ? discounts.SingleOrDefault(d => d.Tier == t && d.EffectiveFrom == version.EffectiveFrom)?.Rate : null;
        var rows = prices.Where(p => p.EffectiveFrom == version.EffectiveFrom)
            .OrderBy(p => p.Sku, StringComparer.Ordinal)
            .Select(p => new VersionPrice(
                p.Sku, p.NameZh, p.NameEn, p.UnitZh, p.UnitEn, p.UniformPrice,
                previous is null ? null : prices.SingleOrDefault(q => q.Sku == p.Sku && q.EffectiveFrom == previous.EffectiveFrom)?.UniformPrice,
                ownRate is { } rate ? PurchasePrice.Of(p.UniformPrice, rate) : null,
                p.Retired))
            .ToList();
        var tiers = discounts.Where(d => d.EffectiveFrom == version.EffectiveFrom && (readerTier is null || d.Tier == readerTier))
            .OrderBy(d => d.Tier)
            .Select(d => new VersionDiscount(d.Tier, d.Rate, previous is null ? null : discounts.SingleOrDefault(q => q.Tier == d.Tier && q.EffectiveFrom == previous.EffectiveFrom)?.Rate))
            .ToList();

        VersionCoverage? coverage = null;
        VersionAcknowledged? acknowledgement = null;
        if (readerTier is null)
        {
            var counts = await CoverageAsync(db, version.Id, ct).ConfigureAwait(false);
            coverage = new VersionCoverage(counts.Acknowledged.GetValueOrDefault(version.Id), counts.Expected);
        }
        else if (user.AgentId is { } agentId)
        {
            var own = await db.PolicyAcknowledgements.AsNoTracking().SingleOrDefaultAsync(k => k.VersionId == version.Id && k.AgentId == agentId, ct).ConfigureAwait(false);
            acknowledgement = own is null ? null : new VersionAcknowledged(version.Number, user.AgentCode ?? string.Empty, own.AcknowledgedBy, own.AcknowledgedAt);
        }

        return new PriceVersionView(
            version.Number, version.EffectiveFrom, version.Note, version.PublishedAt, readerTier is null ? version.PublishedBy : null,
            version.StateAt(clock.Now, next), rows, tiers, coverage, acknowledgement);
    }

    private static bool IsReseller(CurrentUser user) => user.IsInRole(PortalRoles.Reseller);

    private sealed record Counts(IReadOnlyDictionary<int, int> Acknowledged, int Expected);

    /// <summary>The agents asked to acknowledge each version: every Active agent (DESIGN.md §9); coverage counts these, and they are notified of a publication.</summary>
    public static IQueryable<Agent> AskedToAcknowledge(PortalDbContext db) => db.Agents.Where(a => a.Status == ContractStatus.Active);

    // Acknowledgements of Active agents per version (one version's, or every one's), and how many Active agents there are.
    private static async Task<Counts> CoverageAsync(PortalDbContext db, int? versionId, CancellationToken ct)
    {
        var active = AskedToAcknowledge(db).Select(a => a.Id);
        var expected = await active.CountAsync(ct).ConfigureAwait(false);
        var acknowledged = await db.PolicyAcknowledgements
            .Where(k => (versionId == null || k.VersionId == versionId) && active.Contains(k.AgentId))
            .GroupBy(k => k.VersionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        return new Counts(acknowledged, expected);
    }
}
