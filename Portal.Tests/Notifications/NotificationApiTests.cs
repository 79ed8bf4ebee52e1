using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Notifications;

/// <summary>The notifications API: a user lists, counts and marks only its own notices, and chooses which kinds also go by e-mail.</summary>
public sealed class NotificationApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_user_lists_counts_and_marks_read_its_own_notices_only()
    {
        var tianhe = await UserAsync(Tianhe);
        var gz = await UserAsync(Gz);
        await WriteAsync([tianhe.Id], "广州一号客户");
        await WriteAsync([tianhe.Id, gz.Id], "广州二号客户");
        var othersId = await ReadAsync(db => db.Notifications.Where(n => n.RecipientId == gz.Id).Select(n => n.Id).SingleAsync());
        using var client = await SignInClient.WithTokenAsync(App, Tianhe);

        var list = await JsonAsync(await client.GetAsync(Url("/api/v1/notifications?pageSize=10")));
        var count = await JsonAsync(await client.GetAsync(Url("/api/v1/notifications/unread-count")));
        using var others = await client.PostAsync(Url($"/api/v1/notifications/{othersId}/read"), null);

        Assert.Equal(2, list.GetProperty("totalCount").GetInt32());
        var newest = list.GetProperty("items")[0];
        Assert.Equal("广州二号客户 的报备：已通过", newest.GetProperty("title").GetString());
        Assert.Equal(2, count.GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);

        var read = await JsonAsync(await client.PostAsync(Url($"/api/v1/notifications/{newest.GetProperty("id").GetInt64()}/read"), null));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        var unread = await JsonAsync(await client.GetAsync(Url("/api/v1/notifications?unread=true")));
        Assert.Equal("广州一号客户 的报备：已通过", Assert.Single(unread.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        var all = await JsonAsync(await client.PostAsync(Url("/api/v1/notifications/read-all"), null));
        Assert.Equal(1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await JsonAsync(await client.GetAsync(Url("/api/v1/notifications/unread-count")))).GetProperty("unread").GetInt32());
        Assert.Null(await ReadAsync(db => db.Notifications.Where(n => n.Id == othersId).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task A_user_chooses_which_kinds_of_its_role_also_go_by_mail()
    {
        using var client = await SignInClient.WithTokenAsync(App, Tianhe);

        var before = await JsonAsync(await client.GetAsync(Url("/api/v1/notifications/preferences")));
        using var saved = await client.PutAsJsonAsync(Url("/api/v1/notifications/preferences"), new { kinds = new[] { new { kind = "RegistrationDecided", byMail = false } } });
        var after = await JsonAsync(saved);
        using var foreign = await client.PutAsJsonAsync(Url("/api/v1/notifications/preferences"), new { kinds = new[] { new { kind = "DecisionDue", byMail = true } } });

        Assert.False(before.GetProperty("mailConfigured").GetBoolean());
        Assert.True(Kind(before, "RegistrationDecided").GetProperty("byMail").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False(Kind(after, "RegistrationDecided").GetProperty("byMail").GetBoolean());
        Assert.True(Kind(after, "RegistrationDecided").GetProperty("default").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var tianhe = await UserAsync(Tianhe);
        Assert.False(await ReadAsync(db => db.NotificationPreferences.Where(p => p.UserId == tianhe.Id && p.Kind == NotificationKind.RegistrationDecided).Select(p => p.ByMail).SingleAsync()));
    }

    private static System.Text.Json.JsonElement Kind(System.Text.Json.JsonElement choices, string kind) =>
        choices.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind);

    private Task<int> WriteAsync(IReadOnlyCollection<string> readers, string customer) => TestNotices.WriteAsync(App, readers, TestNotices.Approved(customer));
}
