using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications;

/// <summary>
/// The outbox's set-based side, for events that tell many agents at once (a price version to acknowledge, a batch of
/// reminders, a cascade): the readers of all the agents are read in one query, the once-keys already sent and the
/// mail preferences in one query each, and the rows are added together — never one query per agent (ADR 34).
/// </summary>
public sealed partial class NotificationOutbox
{
    /// <summary>To the enabled users of each agent, each agent with its own notice (at most one notice per agent).</summary>
    public async Task ToAgentsAsync(PortalDbContext db, IReadOnlyCollection<(int AgentId, Notice Notice)> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return;
        }

        var byAgent = notices.GroupBy(n => n.AgentId).ToDictionary(g => g.Key, g => g.Select(n => n.Notice).ToList());
        var agentIds = byAgent.Keys.ToList();
        var users = await db.Users.Where(u => u.AgentId != null && agentIds.Contains(u.AgentId.Value) && !u.IsDisabled)
            .Select(u => new { u.Id, AgentId = u.AgentId!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var letters = users.SelectMany(u => byAgent[u.AgentId].Select(notice => (u.Id, notice))).ToList();
        await WriteAsync(db, letters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One notice to the enabled users of every agent <paramref name="agentIds"/> selects (a subquery: it is never
    /// loaded), their mail preferences read in the same query.
    /// </summary>
    public async Task ToUsersOfAgentsAsync(PortalDbContext db, IQueryable<int> agentIds, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notice);
        var readers = await (
                from u in db.Users
                where u.AgentId != null && agentIds.Contains(u.AgentId.Value) && !u.IsDisabled
                select new
                {
                    u.Id,
                    ByMail = db.NotificationPreferences.Where(p => p.UserId == u.Id && p.Kind == notice.Kind).Select(p => (bool?)p.ByMail).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var arguments = notice.StoredArguments;
        var now = Now;
        db.Notifications.AddRange(readers.Select(r => new Notification(r.Id, notice.Kind, notice.Link, arguments, now, ByMail(notice.Kind, r.ByMail), notice.OnceKey)));
        Remember(db, readers.Select(r => r.Id));
    }

    // Each letter is one row; once-keys a reader already has are skipped, as in ToUsersAsync.
    private async Task WriteAsync(PortalDbContext db, List<(string UserId, Notice Notice)> letters, CancellationToken ct)
    {
        if (letters.Count == 0)
        {
            return;
        }

        var readers = letters.Select(l => l.UserId).Distinct(StringComparer.Ordinal).ToList();
        var keys = letters.Select(l => l.Notice.OnceKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var sent = keys.Count == 0
            ? []
            : (await db.Notifications.Where(n => readers.Contains(n.RecipientId) && keys.Contains(n.OnceKey!)).Select(n => new { n.RecipientId, n.OnceKey }).ToListAsync(ct).ConfigureAwait(false))
                .Select(n => (n.RecipientId, n.OnceKey!)).ToHashSet();
        var kinds = letters.Select(l => l.Notice.Kind).Distinct().ToList();
        var chosen = (await db.NotificationPreferences.Where(p => readers.Contains(p.UserId) && kinds.Contains(p.Kind)).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(p => (p.UserId, p.Kind), p => p.ByMail);
        var now = Now;
        var written = new List<string>();
        foreach (var (userId, notice) in letters)
        {
            if (notice.OnceKey is { } once && !sent.Add((userId, once)))
            {
                continue;
            }

            var byMail = ByMail(notice.Kind, chosen.TryGetValue((userId, notice.Kind), out var wants) ? wants : null);
            db.Notifications.Add(new Notification(userId, notice.Kind, notice.Link, notice.StoredArguments, now, byMail, notice.OnceKey));
            written.Add(userId);
        }

        Remember(db, written);
    }

    private bool ByMail(NotificationKind kind, bool? chosen) => MailEnabled && (chosen ?? NotificationDefaults.ByMail(kind));

    private void Remember(PortalDbContext db, IEnumerable<string> readers)
    {
        lock (_pending)
        {
            _pending.GetOrCreateValue(db).UnionWith(readers);
        }
    }
}
