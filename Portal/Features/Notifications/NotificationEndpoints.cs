using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Notifications;
using Portal.Localization;

namespace Portal.Features.Notifications;

/// <summary>One notice, said in the caller's language.</summary>
public sealed record NotificationResponse(long Id, NotificationKind Kind, string Title, string Body, string Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>One page of the caller's notices, newest first.</summary>
public sealed record NotificationListResponse(IReadOnlyList<NotificationResponse> Items, int TotalCount, int UnreadCount, int Page, int PageSize);

/// <summary>How many of the caller's notices are unread.</summary>
public sealed record UnreadCountResponse(int Unread);

/// <summary>How many notices were marked read.</summary>
public sealed record MarkedReadResponse(int Marked);

/// <summary>The caller's e-mail choices per kind of notice, and whether this server sends mail at all.</summary>
public sealed record NotificationPreferencesResponse(bool MailConfigured, IReadOnlyList<KindChoice> Kinds);

/// <summary>E-mail choices to save, per kind (kinds not named keep theirs).</summary>
public sealed record NotificationPreferencesBody(IReadOnlyList<KindChoiceInput>? Kinds);

/// <summary>The caller's own notices (DESIGN.md §10) over <see cref="NotificationInbox"/>: any signed-in user, only its own.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var notices = api.MapGroup("/notifications").WithTags("Notifications");

        notices.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("ListNotifications")
            .WithSummary("The caller's notices, newest first, paged (from 0); unread=true for the unread ones only")
            .Produces<NotificationListResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        notices.MapGet("/unread-count", async (HttpContext http, NotificationInbox inbox, CancellationToken ct) =>
                (await inbox.UnreadCountAsync(User(http), ct).ConfigureAwait(false)).ToHttp(http, n => TypedResults.Ok(new UnreadCountResponse(n))))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("CountUnreadNotifications")
            .WithSummary("How many of the caller's notices are unread")
            .Produces<UnreadCountResponse>();

        notices.MapPost("/{id:long}/read", async (long id, HttpContext http, NotificationInbox inbox, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                (await inbox.MarkReadAsync(User(http), id, ct).ConfigureAwait(false)).ToHttp(http, n => TypedResults.Ok(ToResponse(localizer, n))))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notices read (another user's is not found)")
            .Produces<NotificationResponse>();

        notices.MapPost("/read-all", async (HttpContext http, NotificationInbox inbox, CancellationToken ct) =>
                (await inbox.MarkAllReadAsync(User(http), ct).ConfigureAwait(false)).ToHttp(http, n => TypedResults.Ok(new MarkedReadResponse(n))))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every unread notice of the caller read; answers how many were")
            .Produces<MarkedReadResponse>();

        notices.MapGet("/preferences", async (HttpContext http, NotificationInbox inbox, CancellationToken ct) =>
                (await inbox.ChoicesAsync(User(http), ct).ConfigureAwait(false)).ToHttp(http, c => TypedResults.Ok(ToResponse(c))))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("GetNotificationPreferences")
            .WithSummary("Which kinds of notice the caller also receives by e-mail (its choice, else the kind's default), and whether this server sends mail")
            .Produces<NotificationPreferencesResponse>();

        notices.MapPut("/preferences", async (NotificationPreferencesBody body, HttpContext http, NotificationInbox inbox, CancellationToken ct) =>
                (await inbox.ChooseAsync(User(http), body.Kinds, ct).ConfigureAwait(false)).ToHttp(http, c => TypedResults.Ok(ToResponse(c))))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("SetNotificationPreferences")
            .WithSummary("Saves the caller's e-mail choice for the kinds named (a kind its roles never receive is refused)")
            .WithRequestExample(new NotificationPreferencesBody([new KindChoiceInput(NotificationKind.RegistrationDecided, false), new KindChoiceInput(NotificationKind.PriceVersionPublished, true)]))
            .Produces<NotificationPreferencesResponse>()
            .Refuses(StatusCodes.Status400BadRequest);
        return api;
    }

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "unread"), Description("Only the unread notices; all when absent.")] bool? unread,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, NotificationInbox.MaxPageSize), Description("Notices per page, 1 to 100; 20 when absent.")] int? pageSize,
        HttpContext http,
        NotificationInbox inbox,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken ct)
    {
        var result = await inbox.ListAsync(User(http), unread ?? false, page, pageSize, ct).ConfigureAwait(false);
        return result.ToHttp(http, p => TypedResults.Ok(new NotificationListResponse(
            [.. p.Items.Select(n => ToResponse(localizer, n))], p.TotalCount, p.UnreadCount, page ?? 0, pageSize ?? NotificationInbox.DefaultPageSize)));
    }

    private static NotificationResponse ToResponse(IStringLocalizer localizer, NotificationView n)
    {
        var words = NotificationText.Say(localizer, n.Kind, n.Arguments, CultureInfo.CurrentUICulture);
        return new NotificationResponse(n.Id, n.Kind, words.Title, words.Body, n.Link, n.CreatedAt, n.ReadAt);
    }

    private static NotificationPreferencesResponse ToResponse(NotificationChoices c) => new(c.MailConfigured, c.Kinds);
}
