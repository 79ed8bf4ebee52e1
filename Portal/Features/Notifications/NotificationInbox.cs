using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications;

/// <summary>One notice as its reader sees it: the words are said by the page or the API in the reader's language (<see cref="Localization.NotificationText"/>).</summary>
public sealed record NotificationView(long Id, NotificationKind Kind, string Link, IReadOnlyDictionary<string, string> Arguments, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>One page of a user's notices (newest first), how many match, and how many are unread in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int TotalCount, int UnreadCount);

/// <summary>Whether one kind of notice also goes by e-mail to the user, and what it would be without a choice.</summary>
public sealed record KindChoice(NotificationKind Kind, bool ByMail, bool Default);

/// <summary>A user's e-mail choices for the kinds of notice its roles receive, and whether this server sends mail at all.</summary>
public sealed record NotificationChoices(bool MailConfigured, IReadOnlyList<KindChoice> Kinds);

/// <summary>A change of one kind's e-mail choice.</summary>
public sealed record KindChoiceInput(NotificationKind? Kind, bool? ByMail);

/// <summary>
/// A user's own notices (DESIGN.md §10): the list and the bell's count, marking read, and the choice of which kinds
/// also go by e-mail. Every query names the reader (<c>RecipientId == user.Id</c>): another user's notice is not there
/// (404). Marking read and the e-mail choices are the user's own settings, like the language, and are not audited.
/// </summary>
public sealed class NotificationInbox(ChannelWrites writes, PortalData data, IOptions<MailOptions> mail, NotificationSignal signal, TimeProvider clock)
{
    /// <summary>The most notices one page lists.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Notices per page when the caller does not say.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The kinds each role receives, for the choices page (a user also sees the kinds it has already received).</summary>
    private static readonly Dictionary<string, NotificationKind[]> KindsOfRole = new(StringComparer.Ordinal)
    {
        [PortalRoles.Reseller] =
        [
            NotificationKind.RegistrationHeld, NotificationKind.RegistrationDecided, NotificationKind.ProtectionExpiring, NotificationKind.ExtensionDecided,
            NotificationKind.AuthorizationDecided, NotificationKind.AuthorizationExpiring, NotificationKind.ApplicationDecided, NotificationKind.CaseOpened,
            NotificationKind.PenaltyImposed, NotificationKind.AppealDecided, NotificationKind.CascadeApplied, NotificationKind.PriceVersionPublished,
            NotificationKind.ProtectionArbitrated, NotificationKind.DecisionTimedOut,
        ],
        [PortalRoles.ChannelManager] = [NotificationKind.RegistrationHeld, NotificationKind.DecisionDue],
    };

    /// <summary>The user's notices, newest first; <paramref name="unreadOnly"/> leaves out those already read.</summary>
    public async Task<UseCaseResult<NotificationPage>> ListAsync(CurrentUser user, bool unreadOnly, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        var check = new InputCheck();
        var from = check.OptionalWithin("page", page, 0, Api.ListQuery.MaxPage) ?? 0;
        var size = check.OptionalWithin("pageSize", pageSize, 1, MaxPageSize) ?? DefaultPageSize;
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == user.Id);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await listed.CountAsync(cancellationToken).ConfigureAwait(false);
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAt == null, cancellationToken).ConfigureAwait(false);
        var rows = await listed.OrderByDescending(n => n.Id).Skip(new PageRequest(from, size, null, true).Skip).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(new NotificationPage([.. rows.Select(View)], total, unread));
    }

    /// <summary>How many of the user's notices are unread (the bell's number).</summary>
    public async Task<UseCaseResult<int>> UnreadCountAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(await db.Notifications.CountAsync(n => n.RecipientId == user.Id && n.ReadAt == null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Marks one of the user's notices read (once: a second time changes nothing); another's is not found.</summary>
    public async Task<UseCaseResult<NotificationView>> MarkReadAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        var result = await writes.RunAsync<NotificationView>("MarkNotificationRead", async (db, ct) =>
        {
            var notice = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == user.Id, ct).ConfigureAwait(false);
            if (notice is null)
            {
                return Refusal.NotFound;
            }

            notice.MarkRead(clock.GetUtcNow().UtcDateTime);
            return UseCaseResult.Ok(View(notice));
        }, cancellationToken).ConfigureAwait(false);
        Changed(user, result.Succeeded);
        return result;
    }

    /// <summary>Marks every unread notice of the user read; answers how many were.</summary>
    public async Task<UseCaseResult<int>> MarkAllReadAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await writes.RunAsync<int>("MarkAllNotificationsRead", async (db, ct) =>
            UseCaseResult.Ok(await db.Notifications.Where(n => n.RecipientId == user.Id && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        Changed(user, result.Succeeded && result.Value > 0);
        return result;
    }

    /// <summary>The user's e-mail choice for each kind its roles receive (its own choice, else the kind's default).</summary>
    public async Task<UseCaseResult<NotificationChoices>> ChoicesAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(await ChoicesAsync(db, user, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Saves the user's e-mail choices for the kinds given (others keep theirs); a kind its roles never receive is refused.</summary>
    public async Task<UseCaseResult<NotificationChoices>> ChooseAsync(CurrentUser user, IReadOnlyList<KindChoiceInput>? choices, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.SignedIn);
        var check = new InputCheck();
        var valid = new List<(NotificationKind Kind, bool ByMail)>();
        if (choices is null || choices.Count == 0)
        {
            check.Add("kinds", ReasonCode.Required);
        }
        else
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var kind = check.Defined($"kinds[{i}].kind", choices[i].Kind);
                if (choices[i].ByMail is null)
                {
                    check.Add($"kinds[{i}].byMail", ReasonCode.Required);
                }
                else if (kind is { } k)
                {
                    valid.Add((k, choices[i].ByMail!.Value));
                }
            }
        }

        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<NotificationChoices>("ChooseNotificationMail", async (db, ct) =>
        {
            var offered = (await ChoicesAsync(db, user, ct).ConfigureAwait(false)).Kinds.Select(k => k.Kind).ToHashSet();
            var foreign = valid.FindIndex(v => !offered.Contains(v.Kind));
            if (foreign >= 0)
            {
                return Refusal.Invalid($"kinds[{foreign}].kind", ReasonCode.InvalidValue);
            }

            var kinds = valid.Select(v => v.Kind).ToList();
            var rows = await db.NotificationPreferences.Where(p => p.UserId == user.Id && kinds.Contains(p.Kind)).ToDictionaryAsync(p => p.Kind, ct).ConfigureAwait(false);
            foreach (var (kind, byMail) in valid)
            {
                if (rows.TryGetValue(kind, out var row))
                {
                    row.ByMail = byMail;
                }
                else
                {
                    rows[kind] = db.NotificationPreferences.Add(new NotificationPreference(user.Id, kind, byMail)).Entity;
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return UseCaseResult.Ok(await ChoicesAsync(db, user, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kinds a user with these roles receives.</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. user.Roles.SelectMany(r => KindsOfRole.GetValueOrDefault(r, [])).Distinct().Order()];
    }

    private async Task<NotificationChoices> ChoicesAsync(Data.PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == user.Id).ToDictionaryAsync(p => p.Kind, p => p.ByMail, ct).ConfigureAwait(false);
        var received = await db.Notifications.Where(n => n.RecipientId == user.Id).Select(n => n.Kind).Distinct().ToListAsync(ct).ConfigureAwait(false);
        var kinds = KindsFor(user).Union(received).Order();
        return new NotificationChoices(
            mail.Value.Enabled,
            [.. kinds.Select(k => new KindChoice(k, chosen.GetValueOrDefault(k, NotificationDefaults.ByMail(k)), NotificationDefaults.ByMail(k)))]);
    }

    // The user's other open pages count again.
    private void Changed(CurrentUser user, bool changed)
    {
        if (changed)
        {
            signal.Raise([user.Id]);
        }
    }

    internal static NotificationView View(Notification n) =>
        new(n.Id, n.Kind, n.Link, JsonSerializer.Deserialize<Dictionary<string, string>>(n.Arguments) ?? [], n.CreatedAt, n.ReadAt);
}
