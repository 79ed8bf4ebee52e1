using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Policy;
using Portal.Features.Audit;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Notifications;

namespace Portal.Features.Operations;

/// <summary>
/// Carries out what time decides (DESIGN.md §4, §5): registrations whose protection ended expire and free their
/// customer; developed, inherited and imported customers' protections lapse; cross-region authorizations past their window
/// expire; suspensions that have run out are lifted; contracts past their last day expire; penalized cases whose appeal
/// window has passed are closed; pending decisions whose deadline has passed get their default outcome (ADR 28): a held
/// registration and an application are rejected, an extension request is refused (so its deal then expires on time in
/// the same run), a cross-region request lapses — each audited with <see cref="ReasonCode.ReviewTimedOut"/>. Each change goes through the
/// entity's own machine (which re-checks it is due), is audited, and commits in a transaction of at most
/// <see cref="ExpiryJobOptions.ExpiryBatchSize"/> records. A second run at the same instant finds nothing to do.
/// </summary>
public sealed partial class ExpiryJob(
    ChannelWrites writes, PortalData data, ProtectionLedger protections, AuditTrail audit, BusinessClock clock, ChannelPolicy policy, NotificationOutbox outbox, IOptions<ExpiryJobOptions> options, ILogger<ExpiryJob> logger)
{
    /// <summary>The actor of the job's audit entries.</summary>
    public const string Actor = "system:expiry";

    /// <summary>Expires everything that is due at <paramref name="now"/> (UTC); dated records by its business date.</summary>
    public async Task<ExpiryRunReport> RunAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        if (now.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The job runs at a UTC instant.", nameof(now));
        }

        var today = clock.DateOf(now);

        // Deadlines first (ADR 28): a pending record without one (waiting since before deadlines existed) gets one
        // counted from now; then the default outcomes, extensions before expiry so that a deal whose undecided
        // extension is refused at the protection's end expires in this same run.
        var assigned = await AssignDeadlinesAsync(now, cancellationToken).ConfigureAwait(false);
        var (timedOutDeals, _) = await SweepAsync(
            "TimeOutDealReviews",
            db => db.Deals.Where(d => (d.Status == DealStatus.PendingReview || d.Status == DealStatus.ExtensionRequested) && d.ReviewDeadline <= now).Select(d => d.Id),
            (db, ids, ct) => TimeOutDealsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var (timedOutAuthorizations, _) = await SweepAsync(
            "LapseAuthorizationRequests",
            db => db.CrossRegionAuthorizations.Where(a => a.Status == AuthorizationStatus.Requested && a.ReviewDeadline <= now).Select(a => a.Id),
            (db, ids, ct) => LapseAuthorizationsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var (timedOutApplications, _) = await SweepAsync(
            "TimeOutApplications",
            db => db.Agents.Where(a => (a.Status == ContractStatus.Applied || a.Status == ContractStatus.UnderReview) && a.ReviewDeadline <= now).Select(a => a.Id),
            (db, ids, ct) => TimeOutApplicationsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);

        var (deals, dealProtections) = await SweepAsync(
            "ExpireDeals",
            db => db.Deals.Where(d => d.Status == DealStatus.Approved && d.ProtectedUntil <= now).Select(d => d.Id),
            (db, ids, ct) => ExpireDealsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var (protections, _) = await SweepAsync(
            "ExpireProtections",
            db => db.CustomerProtections.Where(p => p.EndedAt == null && p.Until <= now && (p.Basis == ProtectionBasis.Sale || p.Basis == ProtectionBasis.Inherited || p.Basis == ProtectionBasis.Imported)).Select(p => p.Id),
            (db, ids, ct) => EndProtectionsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var (authorizations, _) = await SweepAsync(
            "ExpireAuthorizations",
            db => db.CrossRegionAuthorizations.Where(a => a.Status == AuthorizationStatus.Approved && a.ValidUntil < today).Select(a => a.Id),
            (db, ids, ct) => ExpireAuthorizationsAsync(db, ids, now, today, ct),
            cancellationToken).ConfigureAwait(false);

        // Reinstatement first: an agent whose suspension and contract both ended is reinstated, then expires.
        var (reinstated, _) = await SweepAsync(
            "ReinstateAgents",
            db => db.Agents.Where(a => a.Status == ContractStatus.Suspended && a.SuspendedUntil <= now).Select(a => a.Id),
            (db, ids, ct) => ReinstateAgentsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var (contracts, _) = await SweepAsync(
            "ExpireContracts",
            db => db.Agents.Where(a => a.Status == ContractStatus.Active && a.ContractEnd < today).Select(a => a.Id),
            (db, ids, ct) => ExpireContractsAsync(db, ids, now, today, ct),
            cancellationToken).ConfigureAwait(false);

        var (cases, _) = await SweepAsync(
            "CloseCases",
            db => db.ViolationCases.Where(c => c.State == CaseState.Penalized && c.AppealDeadline <= now).Select(c => c.Id),
            (db, ids, ct) => CloseCasesAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);

        // Reminders last, so that nothing that ended or was decided in this run is reminded (ADR 34).
        await RemindAsync(now, today, cancellationToken).ConfigureAwait(false);

        var report = new ExpiryRunReport(deals, dealProtections + protections, authorizations, reinstated, contracts, cases, timedOutDeals + timedOutAuthorizations + timedOutApplications, assigned);
        if (report.Total > 0)
        {
            LogRun(logger, now, report.DealsExpired, report.ProtectionsEnded, report.AuthorizationsExpired, report.AgentsReinstated, report.ContractsExpired, report.CasesClosed);
            LogDeadlines(logger, now, report.ReviewsTimedOut, report.DeadlinesAssigned);
        }

        return report;
    }

    /// <summary>
    /// Walks the candidates in id order, one bounded transaction per batch. Each batch re-reads its records inside the
    /// transaction, so a record another writer changed meanwhile is judged as it is now.
    /// </summary>
    /// <returns>The changes counted by <paramref name="process"/> (a main count and, for deals, their protections).</returns>
    private async Task<(int Changed, int AlsoChanged)> SweepAsync(
        string useCase,
        Func<PortalDbContext, IQueryable<int>> candidates,
        Func<PortalDbContext, IReadOnlyList<int>, CancellationToken, Task<(int, int)>> process,
        CancellationToken cancellationToken)
    {
        var batchSize = options.Value.ExpiryBatchSize;
        var (changed, alsoChanged) = (0, 0);
        var after = 0;
        while (true)
        {
            List<int> batch;
            await using (var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false))
            {
                batch = await candidates(db).Where(id => id > after).OrderBy(id => id).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            if (batch.Count == 0)
            {
                return (changed, alsoChanged);
            }

            // A retried batch starts again on a fresh context, so the counts added are those of the attempt that committed.
            var (counted, alsoCounted) = await writes.RunUnitAsync(useCase, (db, ct) => process(db, batch, ct), cancellationToken).ConfigureAwait(false);
            (changed, alsoChanged) = (changed + counted, alsoChanged + alsoCounted);
            after = batch[^1];
            if (batch.Count < batchSize)
            {
                return (changed, alsoChanged);
            }
        }
    }

    // Customer protection (DESIGN.md §4): expiry of protection frees the customer. The registration expires, and its
    // protection ends unless something has moved it past now.
    private async Task<(int, int)> ExpireDealsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var deals = await db.Deals.Where(d => ids.Contains(d.Id)).ToListAsync(ct).ConfigureAwait(false);
        var open = await db.CustomerProtections.Where(p => p.EndedAt == null && p.DealId != null && ids.Contains(p.DealId.Value)).ToListAsync(ct).ConfigureAwait(false);
        var (expired, ended) = (0, 0);
        foreach (var deal in deals.Where(d => d.CanExpire(now)))
        {
            deal.Expire(now);
            await AppendAsync(db, AuditAction.DealExpired, AuditEntity.Deal, deal.Id, new { status = DealStatus.Approved }, new { status = deal.Status, protectedUntil = deal.ProtectedUntil, at = now }, ct).ConfigureAwait(false);
            expired++;
            ended += await protections.ExpireAsync(db, open.Where(p => p.DealId == deal.Id), now, Actor, ct).ConfigureAwait(false);
        }

        return (expired, ended);
    }

    private async Task<(int, int)> EndProtectionsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var due = await db.CustomerProtections.Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        return (await protections.ExpireAsync(db, due, now, Actor, ct).ConfigureAwait(false), 0);
    }

    private async Task<(int, int)> ExpireAuthorizationsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, DateOnly today, CancellationToken ct)
    {
        var authorizations = await db.CrossRegionAuthorizations.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
        var expired = 0;
        foreach (var authorization in authorizations.Where(a => a.CanExpire(today)))
        {
            authorization.Expire(today);
            await AppendAsync(db, AuditAction.AuthorizationExpired, AuditEntity.CrossRegionAuthorization, authorization.Id, new { status = AuthorizationStatus.Approved }, new { status = authorization.Status, validUntil = authorization.ValidUntil, at = now }, ct).ConfigureAwait(false);
            expired++;
        }

        return (expired, 0);
    }

    private async Task<(int, int)> ReinstateAgentsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var agents = await db.Agents.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
        var reinstated = 0;
        foreach (var agent in agents.Where(a => a.CanReinstate(now)))
        {
            var suspendedUntil = agent.SuspendedUntil;
            agent.Reinstate(now);
            await AppendAsync(db, AuditAction.AgentReinstated, AuditEntity.Agent, agent.Id, new { status = ContractStatus.Suspended, suspendedUntil }, new { status = agent.Status, at = now }, ct).ConfigureAwait(false);
            reinstated++;
        }

        return (reinstated, 0);
    }

    private async Task<(int, int)> ExpireContractsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, DateOnly today, CancellationToken ct)
    {
        var agents = await db.Agents.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
        var expired = 0;
        foreach (var agent in agents.Where(a => a.CanExpire(today)))
        {
            agent.Expire(today);
            await AppendAsync(db, AuditAction.AgentContractExpired, AuditEntity.Agent, agent.Id, new { status = ContractStatus.Active }, new { status = agent.Status, contractEnd = agent.ContractEnd, at = now }, ct).ConfigureAwait(false);
            expired++;
        }

        return (expired, 0);
    }

    // Market monitoring (DESIGN.md §5.4): a penalized case whose appeal window has passed without an appeal is closed.
    private async Task<(int, int)> CloseCasesAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var cases = await db.ViolationCases.Where(c => ids.Contains(c.Id)).ToListAsync(ct).ConfigureAwait(false);
        var closed = 0;
        foreach (var violation in cases.Where(c => c.CanClose(now)))
        {
            var before = CaseSnapshot.Of(violation);
            violation.Close(now);
            await audit.AppendAsync(db, AuditRecord.Of(Actor, AuditAction.CaseClosed, AuditEntity.ViolationCase, violation.Id, before, CaseSnapshot.Of(violation)), ct).ConfigureAwait(false);
            closed++;
        }

        return (closed, 0);
    }

    // Pending records that have waited since before deadlines existed: their clock starts at the upgrade, so that
    // nothing is decided by default the moment the portal is upgraded (ADR 28).
    private async Task<int> AssignDeadlinesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var (deals, _) = await SweepAsync(
            "AssignDealDeadlines",
            db => db.Deals.Where(d => (d.Status == DealStatus.PendingReview || d.Status == DealStatus.ExtensionRequested) && d.ReviewDeadline == null).Select(d => d.Id),
            async (db, ids, ct) =>
            {
                var pending = await db.Deals.Where(d => ids.Contains(d.Id) && d.ReviewDeadline == null).ToListAsync(ct).ConfigureAwait(false);
                foreach (var deal in pending.Where(d => d.AwaitsDecision))
                {
                    deal.SetReviewDeadline(deal.Status == DealStatus.PendingReview
                        ? policy.HeldRegistrationDeadline(now)
                        : policy.ExtensionDeadline(now, deal.ProtectedUntil ?? now));
                }

                return (pending.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);
        var (authorizations, _) = await SweepAsync(
            "AssignAuthorizationDeadlines",
            db => db.CrossRegionAuthorizations.Where(a => a.Status == AuthorizationStatus.Requested && a.ReviewDeadline == null).Select(a => a.Id),
            async (db, ids, ct) =>
            {
                var pending = await db.CrossRegionAuthorizations.Where(a => ids.Contains(a.Id) && a.Status == AuthorizationStatus.Requested && a.ReviewDeadline == null).ToListAsync(ct).ConfigureAwait(false);
                pending.ForEach(a => a.SetReviewDeadline(policy.AuthorizationDeadline(now)));
                return (pending.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);
        var (applications, _) = await SweepAsync(
            "AssignApplicationDeadlines",
            db => db.Agents.Where(a => (a.Status == ContractStatus.Applied || a.Status == ContractStatus.UnderReview) && a.ReviewDeadline == null).Select(a => a.Id),
            async (db, ids, ct) =>
            {
                var pending = await db.Agents.Where(a => ids.Contains(a.Id) && a.ReviewDeadline == null).ToListAsync(ct).ConfigureAwait(false);
                var waiting = pending.Where(a => a.AwaitsDecision).ToList();
                waiting.ForEach(a => a.SetReviewDeadline(policy.ApplicationDeadline(now)));
                return (waiting.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);
        return deals + authorizations + applications;
    }

    // The default outcomes (ADR 28), each through the record's own machine, which re-checks that the record still waits
    // and that its deadline has come: a manager's decision committed first leaves nothing to do. The agent that asked is
    // told of the outcome in the same transaction (ADR 34).
    private async Task<(int, int)> TimeOutDealsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var deals = await db.Deals.Include(d => d.Reasons).Where(d => ids.Contains(d.Id)).ToListAsync(ct).ConfigureAwait(false);
        var names = await CustomerNamesAsync(db, deals.Select(d => d.CustomerId), ct).ConfigureAwait(false);
        var told = new List<(int, Notice)>();
        foreach (var deal in deals.Where(d => d.CanTimeOut(now)))
        {
            var before = deal.Status;
            deal.TimeOut(now);
            var action = before == DealStatus.PendingReview ? AuditAction.DealReviewTimedOut : AuditAction.ExtensionTimedOut;
            await AppendAsync(db, action, AuditEntity.Deal, deal.Id, new { status = before, reviewDeadline = deal.ReviewDeadline }, new { status = deal.Status, reasonCode = ReasonCode.ReviewTimedOut, protectedUntil = deal.ProtectedUntil, at = now }, ct).ConfigureAwait(false);
            told.Add((deal.AgentId, before == DealStatus.PendingReview
                ? Notices.DecisionTimedOut(Notices.Pending.Registration, deal.Id, DealSubject(deal.Id, names[deal.CustomerId]), $"/deals/{deal.Id}", "DealStatus_Rejected")
                : Notices.DecisionTimedOut(Notices.Pending.Extension, deal.Id, DealSubject(deal.Id, names[deal.CustomerId]), $"/deals/{deal.Id}", "Notice_Extension_Refused")));
        }

        await outbox.ToAgentsAsync(db, told, ct).ConfigureAwait(false);
        return (told.Count, 0);
    }

    private async Task<(int, int)> LapseAuthorizationsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var authorizations = await db.CrossRegionAuthorizations.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
        var told = new List<(int, Notice)>();
        foreach (var authorization in authorizations.Where(a => a.CanTimeOut(now)))
        {
            authorization.TimeOut(now);
            await AppendAsync(db, AuditAction.AuthorizationLapsed, AuditEntity.CrossRegionAuthorization, authorization.Id, new { status = AuthorizationStatus.Requested, reviewDeadline = authorization.ReviewDeadline }, new { status = authorization.Status, reasonCode = ReasonCode.ReviewTimedOut, at = now }, ct).ConfigureAwait(false);
            told.Add((authorization.AgentId, Notices.DecisionTimedOut(Notices.Pending.Authorization, authorization.Id, AuthorizationSubject(authorization), "/authorizations", "AuthorizationStatus_Lapsed")));
        }

        await outbox.ToAgentsAsync(db, told, ct).ConfigureAwait(false);
        return (told.Count, 0);
    }

    private async Task<(int, int)> TimeOutApplicationsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var agents = await db.Agents.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
        var told = new List<(int, Notice)>();
        foreach (var agent in agents.Where(a => a.CanTimeOut(now)))
        {
            var before = agent.Status;
            agent.TimeOut(now);
            await AppendAsync(db, AuditAction.AgentApplicationTimedOut, AuditEntity.Agent, agent.Id, new { status = before, reviewDeadline = agent.ReviewDeadline }, new { status = agent.Status, reasonCode = ReasonCode.ReviewTimedOut, at = now }, ct).ConfigureAwait(false);

            // The application is the recruiting agent's; a vendor-signed applicant has only itself to tell.
            told.Add((agent.ParentId ?? agent.Id, Notices.DecisionTimedOut(Notices.Pending.Application, agent.Id, $"{agent.Code} {agent.LegalName}", agent.ParentId is null ? "/" : "/sub-agents", "Notice_Application_Rejected")));
        }

        await outbox.ToAgentsAsync(db, told, ct).ConfigureAwait(false);
        return (told.Count, 0);
    }

    // Reminders (ADR 34), each once per reader (their once-keys), in batches like the steps above: protections ending in
    // 14, 7 or 1 days and approved authorizations ending within a week, to the holder; pending decisions whose deadline
    // is one business day away, to the managers who decide them.
    private async Task RemindAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = now.AddDays(Notices.ExpiryReminderDays.Max());
        await SweepAsync(
            "RemindProtectionExpiry",
            db => db.CustomerProtections.Where(p => p.EndedAt == null && p.Until > now && p.Until <= horizon).Select(p => p.Id),
            (db, ids, ct) => RemindProtectionsAsync(db, ids, now, ct),
            cancellationToken).ConfigureAwait(false);
        var lastReminded = today.AddDays(Notices.AuthorizationReminderDays);
        await SweepAsync(
            "RemindAuthorizationExpiry",
            db => db.CrossRegionAuthorizations.Where(a => a.Status == AuthorizationStatus.Approved && a.ValidUntil >= today && a.ValidUntil <= lastReminded).Select(a => a.Id),
            async (db, ids, ct) =>
            {
                var due = await db.CrossRegionAuthorizations.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == AuthorizationStatus.Approved).ToListAsync(ct).ConfigureAwait(false);
                await outbox.ToAgentsAsync(db, [.. due.Select(a => (a.AgentId, Notices.AuthorizationExpiring(a.Id, a.RegionCode, a.ValidUntil)))], ct).ConfigureAwait(false);
                return (due.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);

        // A deadline is the end of a working day D; its reminder is due from the end of the working day before D, that
        // is once no working day is left before D: every deadline up to the end of the first working day from today.
        var workday = policy.WorkingDays.IsWorkingDay(today) ? today : policy.WorkingDays.After(today, 1);
        var dueBy = clock.EndOfDay(workday);
        await SweepAsync(
            "RemindDealDecisions",
            db => db.Deals.Where(d => (d.Status == DealStatus.PendingReview || d.Status == DealStatus.ExtensionRequested) && d.ReviewDeadline > now && d.ReviewDeadline <= dueBy).Select(d => d.Id),
            (db, ids, ct) => RemindDealDecisionsAsync(db, ids, ct),
            cancellationToken).ConfigureAwait(false);
        await SweepAsync(
            "RemindAuthorizationDecisions",
            db => db.CrossRegionAuthorizations.Where(a => a.Status == AuthorizationStatus.Requested && a.ReviewDeadline > now && a.ReviewDeadline <= dueBy).Select(a => a.Id),
            async (db, ids, ct) =>
            {
                var pending = await db.CrossRegionAuthorizations.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
                foreach (var authorization in pending)
                {
                    var notice = Notices.DecisionDue(Notices.Pending.Authorization, authorization.Id, AuthorizationSubject(authorization), "/review", clock.LastDay(authorization.ReviewDeadline!.Value));
                    await outbox.ToRoleAsync(db, PortalRoles.ChannelManager, notice, authorization.RegionCode, ct).ConfigureAwait(false);
                }

                return (pending.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);
        await SweepAsync(
            "RemindApplicationDecisions",
            db => db.Agents.Where(a => (a.Status == ContractStatus.Applied || a.Status == ContractStatus.UnderReview) && a.ReviewDeadline > now && a.ReviewDeadline <= dueBy).Select(a => a.Id),
            async (db, ids, ct) =>
            {
                var pending = await db.Agents.AsNoTracking().Include(a => a.Territory).Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false);
                foreach (var agent in pending)
                {
                    // Told once per manager whichever of the applicant's regions is theirs: each region's readers are
                    // saved before the next region's are chosen, so the once-key skips those already told.
                    var notice = Notices.DecisionDue(Notices.Pending.Application, agent.Id, $"{agent.Code} {agent.LegalName}", "/review", clock.LastDay(agent.ReviewDeadline!.Value));
                    foreach (var region in agent.Territory.Select(t => t.RegionCode).Distinct())
                    {
                        await outbox.ToRoleAsync(db, PortalRoles.ChannelManager, notice, region, ct).ConfigureAwait(false);
                        await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    }
                }

                return (pending.Count, 0);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int, int)> RemindProtectionsAsync(PortalDbContext db, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var due = await db.CustomerProtections.AsNoTracking().Where(p => ids.Contains(p.Id) && p.EndedAt == null && p.Until > now).ToListAsync(ct).ConfigureAwait(false);
        var names = await CustomerNamesAsync(db, due.Select(p => p.CustomerId), ct).ConfigureAwait(false);

        // The nearest threshold the protection has reached: a job that did not run at 14 days still reminds at 7.
        var told = due.Select(p => (p.AgentId, Notices.ProtectionExpiring(
            p.Id, p.DealId, names[p.CustomerId], Notices.ExpiryReminderDays.Where(days => p.Until <= now.AddDays(days)).Min(), clock.LastDay(p.Until)))).ToList();
        await outbox.ToAgentsAsync(db, told, ct).ConfigureAwait(false);
        return (told.Count, 0);
    }

    private async Task<(int, int)> RemindDealDecisionsAsync(PortalDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var pending = await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new { d.Id, d.Status, d.ReviewDeadline, c.LegalName, c.RegionCode })
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var deal in pending)
        {
            var what = deal.Status == DealStatus.PendingReview ? Notices.Pending.Registration : Notices.Pending.Extension;
            var notice = Notices.DecisionDue(what, deal.Id, DealSubject(deal.Id, deal.LegalName), "/review", clock.LastDay(deal.ReviewDeadline!.Value));
            await outbox.ToRoleAsync(db, PortalRoles.ChannelManager, notice, deal.RegionCode, ct).ConfigureAwait(false);
        }

        return (pending.Count, 0);
    }

    private static async Task<Dictionary<int, string>> CustomerNamesAsync(PortalDbContext db, IEnumerable<int> customerIds, CancellationToken ct)
    {
        var ids = customerIds.Distinct().ToList();
        return await db.Customers.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.LegalName }).ToDictionaryAsync(c => c.Id, c => c.LegalName, ct).ConfigureAwait(false);
    }

    private static string DealSubject(int dealId, string customer) => $"#{dealId} {customer}";

    private static string AuthorizationSubject(CrossRegionAuthorization authorization) => $"#{authorization.Id} {authorization.RegionCode}";

    private async Task AppendAsync(PortalDbContext db, AuditAction action, AuditEntity entity, int entityId, object before, object after, CancellationToken ct) =>
        await audit.AppendAsync(db, AuditRecord.Of(Actor, action, entity, entityId, before, after), ct).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadlines at {Now:O}: {TimedOut} pending decisions got their default outcome; {Assigned} pending records got a deadline")]
    private static partial void LogDeadlines(ILogger logger, DateTime now, int timedOut, int assigned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry at {Now:O}: {Deals} deals, {Protections} protections, {Authorizations} authorizations expired; {Reinstated} agents reinstated; {Contracts} contracts expired; {Cases} cases closed")]
    private static partial void LogRun(ILogger logger, DateTime now, int deals, int protections, int authorizations, int reinstated, int contracts, int cases);
}
