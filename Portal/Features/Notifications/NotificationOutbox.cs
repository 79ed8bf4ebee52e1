using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Regions;

namespace Portal.Features.Notifications;

/// <summary>
/// Writes notices inside the use case's transaction (the outbox, DESIGN.md §10): call it with the use case's context
/// after the change it tells of; the notices commit or roll back with that change. Each reader gets one row, with its
/// e-mail pending when the reader wants this kind by mail and mail is configured. After the commit,
/// <see cref="ChannelWrites"/> announces the readers to their open pages through <see cref="NotificationSignal"/>.
/// </summary>
public sealed partial class NotificationOutbox(TimeProvider clock, IOptions<MailOptions> mail, NotificationSignal signal)
{
    private readonly ConditionalWeakTable<PortalDbContext, HashSet<string>> _pending = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool MailEnabled => mail.Value.Enabled;

    /// <summary>To every enabled user of an agent (a reseller's users).</summary>
    public async Task ToAgentAsync(PortalDbContext db, int agentId, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.Where(u => u.AgentId == agentId && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        await ToUsersAsync(db, users, notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// To every enabled user in a staff role; with <paramref name="regionCode"/>, only the managers whose regions hold it
    /// (and those who see the whole channel, ADR 26).
    /// </summary>
    public async Task ToRoleAsync(PortalDbContext db, string role, Notice notice, string? regionCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = from u in db.Users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role && !u.IsDisabled
                    select u;
        if (regionCode is not null)
        {
            var within = RegionCode.Parse(regionCode).SelfAndAncestors.Select(c => c.Value).ToList();
            users = users.Where(u => !db.UserRegions.Any(x => x.UserId == u.Id) || db.UserRegions.Any(x => x.UserId == u.Id && within.Contains(x.RegionCode)));
        }

        var ids = await users.Select(u => u.Id).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        await ToUsersAsync(db, ids, notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>To the given users. A notice with a once-key is skipped for readers who already have it.</summary>
    public async Task ToUsersAsync(PortalDbContext db, IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(notice);
        if (userIds.Count == 0)
        {
            return;
        }

        // One way to write letters: the once-keys already sent and the mail choices are read as for a batch.
        await WriteAsync(db, [.. userIds.Distinct(StringComparer.Ordinal).Select(userId => (userId, notice))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The use case committed: announce its readers to their open pages.</summary>
    internal void Committed(PortalDbContext db)
    {
        HashSet<string>? readers;
        lock (_pending)
        {
            if (!_pending.TryGetValue(db, out readers))
            {
                return;
            }

            _pending.Remove(db);
        }

        signal.Raise(readers);
    }

    /// <summary>The use case rolled back (or is about to run again): its notices were never written.</summary>
    internal void Discarded(PortalDbContext db)
    {
        lock (_pending)
        {
            _pending.Remove(db);
        }
    }
}
