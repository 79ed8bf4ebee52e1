using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Compliance;
using Portal.Domain.Policy;
using Portal.Domain.Regions;

namespace Portal.Features.Compliance;

/// <summary>
/// The read side of market monitoring, through the caller's own context (ADR 8): Compliance and ChannelManagers see
/// every case, a reseller the cases about its own agent and its descendants; a case it may not see does not exist.
/// </summary>
public sealed class ViolationCaseQueries(PortalData data, ChannelPolicy policy, BusinessClock clock)
{
    /// <summary>One page of cases, filtered and sorted in the database (newest first unless asked otherwise).</summary>
    public async Task<PagedResult<CaseRow>> ListAsync(CurrentUser user, CaseFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);

        var matching = Filtered(db, filter, clock.Now);
        var items = await Sorted(Listed(db, matching), page.SortBy, page.Descending).Skip(page.Skip).Take(page.Take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await GridCount.PageAsync(matching, page, items.ConvertAll(ToRow), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every case the list shows for this filter, in its order, read one at a time (the export, ADR 29): the same filter
    /// and visibility as <see cref="ListAsync"/>.
    /// </summary>
    public IAsyncEnumerable<CaseRow> ExportAsync(CurrentUser user, CaseFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        ArgumentNullException.ThrowIfNull(filter);
        return ReadAllAsync(user, filter, sortBy, descending, cancellationToken);
    }

    private async IAsyncEnumerable<CaseRow> ReadAllAsync(CurrentUser user, CaseFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var rows = Sorted(Listed(db, Filtered(db, filter, clock.Now)), sortBy, descending).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ToRow(row);
        }
    }

    private static IQueryable<CaseListing> Listed(PortalDbContext db, IQueryable<ViolationCase> cases) =>
        cases.Select(c => new CaseListing
        {
            Id = c.Id,
            Type = c.Type,
            State = c.State,
            Source = c.Source,
            SubjectAgentCode = db.Agents.Where(a => a.Id == c.SubjectAgentId).Select(a => a.Code).FirstOrDefault(),
            SubjectText = c.SubjectText,
            OpenedAt = c.OpenedAt,
            Investigator = c.Investigator,
            AppealDeadline = c.AppealDeadline,
            Penalty = c.Penalty,
        });

    private static IQueryable<CaseListing> Sorted(IQueryable<CaseListing> rows, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(CaseRow.Id), false) => rows.OrderBy(r => r.Id),
        (nameof(CaseRow.Id), true) => rows.OrderByDescending(r => r.Id),
        (nameof(CaseRow.Type), false) => rows.OrderBy(r => r.Type).ThenByDescending(r => r.Id),
        (nameof(CaseRow.Type), true) => rows.OrderByDescending(r => r.Type).ThenByDescending(r => r.Id),
        (nameof(CaseRow.State), false) => rows.OrderBy(r => r.State).ThenByDescending(r => r.Id),
        (nameof(CaseRow.State), true) => rows.OrderByDescending(r => r.State).ThenByDescending(r => r.Id),
        (nameof(CaseRow.Source), false) => rows.OrderBy(r => r.Source).ThenByDescending(r => r.Id),
        (nameof(CaseRow.Source), true) => rows.OrderByDescending(r => r.Source).ThenByDescending(r => r.Id),
        (nameof(CaseRow.SubjectAgentCode), false) => rows.OrderBy(r => r.SubjectAgentCode).ThenByDescending(r => r.Id),
        (nameof(CaseRow.SubjectAgentCode), true) => rows.OrderByDescending(r => r.SubjectAgentCode).ThenByDescending(r => r.Id),
        (nameof(CaseRow.OpenedAt), false) => rows.OrderBy(r => r.OpenedAt).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id),
    };

    private CaseRow ToRow(CaseListing r) =>
        new(r.Id, r.Type, r.State, r.Source, r.SubjectAgentCode, r.SubjectText, r.OpenedAt, r.Investigator, IsOverdue(r.State, r.OpenedAt, r.AppealDeadline), r.Penalty, r.AppealDeadline);

    // The columns one list row is read with (member-initialised, so that EF sorts by them).
    private sealed class CaseListing
    {
        public int Id { get; init; }

        public ViolationType Type { get; init; }

        public CaseState State { get; init; }

        public CaseSource Source { get; init; }

        public string? SubjectAgentCode { get; init; }

        public string? SubjectText { get; init; }

        public DateTime OpenedAt { get; init; }

        public string? Investigator { get; init; }

        public DateTime? AppealDeadline { get; init; }

        public PenaltyKind? Penalty { get; init; }
    }

    /// <summary>How many cases of each state the filter finds (its own state filter aside), for the list's counters.</summary>
    public async Task<IReadOnlyDictionary<CaseState, int>> CountByStateAsync(CurrentUser user, CaseFilter filter, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var counts = await Filtered(db, filter with { State = null }, clock.Now)
            .GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Enum.GetValues<CaseState>().ToDictionary(s => s, s => counts.Where(c => c.State == s).Sum(c => c.Count));
    }

    /// <summary>
    /// A case is overdue when its next step is late: a report, an investigation, a confirmed case awaiting its penalty
    /// or an appeal awaiting its outcome opened more than <c>Penalty:DecisionDays</c> ago, or a penalized case still open
    /// after its appeal deadline (it should be closed).
    /// </summary>
    public bool IsOverdue(CaseState state, DateTime openedAt, DateTime? appealDeadline) =>
        state switch
        {
            CaseState.Reported or CaseState.UnderInvestigation or CaseState.Confirmed or CaseState.Appealed => openedAt < DecisionCutoff(clock.Now),
            CaseState.Penalized => appealDeadline <= clock.Now,
            _ => false,
        };

    /// <summary>One case with its file, timeline, penalty and the caller's actions; null when it does not exist for the caller (404).</summary>
    public async Task<CaseDetail?> GetAsync(CurrentUser user, int caseId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var violation = await db.ViolationCases.AsNoTracking()
            .Include(c => c.Evidence)
            .Include(c => c.Notes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken).ConfigureAwait(false);
        if (violation is null)
        {
            return null;
        }

        var subject = violation.SubjectAgentId is { } agentId
            ? await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => new { a.Code, a.LegalName }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var facts = DetectedFacts.Parse(violation.Facts);
        var factsRegion = facts?.Region is { } code
            ? await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new DetectedRegion(r.Code, r.NameZh, r.NameEn)).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var now = clock.Now;
        var penalty = violation.PenalizedAt is { } penalizedAt
            ? new PenaltyView(violation.Penalty, violation.FineAmount, violation.PenaltyReason, penalizedAt, violation.AppealDeadline, violation.PenaltyLifted)
            : null;

        return new CaseDetail(
            violation.Id,
            violation.Type,
            violation.State,
            violation.Source,
            violation.SubjectAgentId,
            subject?.Code,
            subject?.LegalName,
            violation.SubjectText,
            violation.Description,
            facts,
            factsRegion,
            user.May(PortalPolicies.WorkCases) ? violation.ReporterContact : null,
            violation.Severe,
            violation.Investigator,
            violation.DealId,
            violation.SalesReportId,
            violation.OpenedAt,
            violation.ConfirmedAt,
            violation.ClosedAt,
            penalty,
            [.. violation.Evidence.OrderBy(e => e.AddedAt).ThenBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.Description, e.FileName, e.ContentType, e.Size, e.Sha256, e.AddedAt, e.AddedBy))],
            [.. violation.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new NoteView(n.Id, n.Text, n.At, n.Author))],
            [.. violation.Actions(now).Where(a => MayTake(user, violation, a.Action))],
            AbilitiesOf(user, violation, now));
    }

    private DateTime DecisionCutoff(DateTime now) => now.AddDays(-policy.Penalty.DecisionDays);

    // The list's filters, in the database. Opened-between days are whole business days in the channel's time zone.
    internal IQueryable<ViolationCase> Filtered(PortalDbContext db, CaseFilter filter, DateTime now)
    {
        var cases = db.ViolationCases.AsNoTracking();
        if (filter.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        if (filter.Type is { } type)
        {
            cases = cases.Where(c => c.Type == type);
        }

        if (filter.Source is { } source)
        {
            cases = cases.Where(c => c.Source == source);
        }

        if (filter.SubjectAgentId is { } agentId)
        {
            cases = cases.Where(c => c.SubjectAgentId == agentId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var term = filter.Subject.Trim();
            var code = term.ToUpperInvariant();
            cases = cases.Where(c =>
                db.Agents.Any(a => a.Id == c.SubjectAgentId && (a.Code.Contains(code) || a.LegalName.Contains(term)))
                || (c.SubjectAgentId == null && c.SubjectText!.Contains(term)));
        }

        if (RegionCode.TryParse(filter.Region, out var region))
        {
            var prefix = region.Prefix;
            var above = region.SelfAndAncestors.Select(r => r.Value).ToList();
            cases = cases.Where(c => db.AgentTerritories.Any(t => t.AgentId == c.SubjectAgentId && (t.RegionCode.StartsWith(prefix) || above.Contains(t.RegionCode))));
        }

        if (filter.OpenedFrom is { } from)
        {
            var start = clock.Calendar.StartOfDay(from);
            cases = cases.Where(c => c.OpenedAt >= start);
        }

        if (filter.OpenedTo is { } to)
        {
            var end = clock.Calendar.StartOfDay(to.AddDays(1));
            cases = cases.Where(c => c.OpenedAt < end);
        }

        if (filter.PenalizedFrom is { } penalizedFrom)
        {
            var start = clock.Calendar.StartOfDay(penalizedFrom);
            cases = cases.Where(c => c.PenalizedAt >= start);
        }

        if (filter.PenalizedTo is { } penalizedTo)
        {
            var end = clock.EndOfDay(penalizedTo);
            cases = cases.Where(c => c.PenalizedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Investigator))
        {
            var investigator = filter.Investigator.Trim().ToLowerInvariant();
            cases = cases.Where(c => c.Investigator == investigator);
        }

        if (filter.OverdueOnly)
        {
            var cutoff = DecisionCutoff(now);
            cases = cases.Where(c =>
                ((c.State == CaseState.Reported || c.State == CaseState.UnderInvestigation || c.State == CaseState.Confirmed || c.State == CaseState.Appealed) && c.OpenedAt < cutoff)
                || (c.State == CaseState.Penalized && c.AppealDeadline <= now));
        }

        return cases;
    }

    private static CaseAbilities AbilitiesOf(CurrentUser user, ViolationCase violation, DateTime now)
    {
        var work = user.May(PortalPolicies.WorkCases);
        var ownAppeal = user.May(PortalPolicies.Resell) && user.AgentId is not null && user.AgentId == violation.SubjectAgentId && violation.AcceptsAppealFiles(now);
        return new CaseAbilities(work, work && violation.CanIdentifySubject, work || ownAppeal);
    }

    // Compliance takes every step; the penalized agent's own staff may appeal; everyone else reads.
    private static bool MayTake(CurrentUser user, ViolationCase violation, CaseAction action) =>
        user.May(PortalPolicies.WorkCases)
        || (action == CaseAction.Appeal && user.May(PortalPolicies.Resell) && user.AgentId is not null && user.AgentId == violation.SubjectAgentId);
}
