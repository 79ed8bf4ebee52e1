using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>
/// The read side of market monitoring, through the caller's own context (ADR 8): Compliance and ChannelManagers see
/// every case, a reseller the cases about its own agent and its descendants; a case it may not see does not exist.
/// </summary>
public sealed class ViolationCaseQueries(PortalData data, BusinessClock clock)
{
    /// <summary>One page of cases, filtered and sorted in the database (newest first unless asked otherwise).</summary>
    public async Task<PagedResult<CaseRow>> ListAsync(CurrentUser user, CaseFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);

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

        var rows = cases.Select(c => new
        {
            c.Id,
            c.Type,
            c.State,
            c.Source,
            SubjectAgentCode = db.Agents.Where(a => a.Id == c.SubjectAgentId).Select(a => a.Code).FirstOrDefault(),
            c.SubjectText,
            c.OpenedAt,
        });

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        rows = (page.SortBy, page.Descending) switch
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

        var items = await rows.Skip(page.Skip).Take(page.Take)
            .Select(r => new CaseRow(r.Id, r.Type, r.State, r.Source, r.SubjectAgentCode, r.SubjectText, r.OpenedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<CaseRow>(items, total);
    }

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
            user.May(PortalPolicies.WorkCases) ? violation.ReporterContact : null,
            violation.Severe,
            violation.DealId,
            violation.SalesReportId,
            violation.OpenedAt,
            violation.ConfirmedAt,
            violation.ClosedAt,
            penalty,
            [.. violation.Evidence.OrderBy(e => e.AddedAt).ThenBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.Description, e.FileName, e.Sha256, e.AddedAt, e.AddedBy))],
            [.. violation.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new NoteView(n.Id, n.Text, n.At, n.Author))],
            [.. violation.Actions(now).Where(a => MayTake(user, violation, a.Action))]);
    }

    // Compliance takes every step; the penalized agent's own staff may appeal; everyone else reads.
    private static bool MayTake(CurrentUser user, ViolationCase violation, CaseAction action) =>
        user.May(PortalPolicies.WorkCases)
        || (action == CaseAction.Appeal && user.May(PortalPolicies.Resell) && user.AgentId is not null && user.AgentId == violation.SubjectAgentId);
}
