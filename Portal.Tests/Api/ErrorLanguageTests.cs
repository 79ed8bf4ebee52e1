using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Every error the API answers is the same shape in the caller's language: a ProblemDetails with a localized title and
/// detail and a machine code — whoever writes it (a use case, the boundary, the status-code pages, the throttle).
/// </summary>
public sealed class ErrorLanguageTests(PortalAppFixture fixture) : AppTest(fixture)
{
    public static TheoryData<string, int, string> Errors => new()
    {
        { "invalid input", 400, "INVALID_INPUT" },
        { "a query value binding cannot read", 400, "INVALID_INPUT" },
        { "malformed JSON", 400, "MALFORMED_BODY" },
        { "no token", 401, "UNAUTHORIZED" },
        { "another role's endpoint", 403, "FORBIDDEN" },
        { "a deal the caller may not see", 404, "NOT_FOUND" },
        { "an address the API does not have", 404, "NOT_FOUND" },
        { "a method the address does not take", 405, "METHOD_NOT_ALLOWED" },
        { "a transition the machine refuses", 409, "TRANSITION_NOT_ALLOWED" },
        { "a body over the limit", 413, "BODY_TOO_LARGE" },
        { "a body that is not JSON", 415, "UNSUPPORTED_MEDIA_TYPE" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Each_error_is_a_coded_problem_in_chinese(string kind, int status, string code)
    {
        using var client = await SignInClient.WithTokenAsync(App, Tianhe);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        if (kind == "no token")
        {
            client.DefaultRequestHeaders.Authorization = null;
        }

        using var response = await client.SendAsync(await RequestAsync(kind, client));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.True(IsChinese(body.RootElement.GetProperty("title").GetString()), body.RootElement.GetProperty("title").GetString());
        Assert.True(IsChinese(body.RootElement.GetProperty("detail").GetString()), body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_throttle_answers_a_coded_problem_in_chinese_too()
    {
        using var app = new PortalAppFactory(null, new Dictionary<string, string> { ["Reports:PermitsPerMinute"] = "1" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        const string Report = """{"subject":"T1-TIANHE","type":"DiscountSelling","description":"低价报价。"}""";

        using var first = await client.PostAsync(new Uri("/api/v1/violation-reports", UriKind.Relative), Json(Report));
        using var second = await client.PostAsync(new Uri("/api/v1/violation-reports", UriKind.Relative), Json(Report));
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());

        Assert.Equal(201, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal("TOO_MANY_REQUESTS", body.RootElement.GetProperty("code").GetString());
        Assert.True(IsChinese(body.RootElement.GetProperty("title").GetString()));
    }

    private static async Task<HttpRequestMessage> RequestAsync(string kind, HttpClient client) => kind switch
    {
        "invalid input" => Post("/api/v1/deals", """{"customer":{"uscc":"bad"},"lines":[],"expectedCloseDate":null}"""),
        "a query value binding cannot read" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals?page=first"),
        "malformed JSON" => Post("/api/v1/deals", "{"),
        "no token" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals"),
        "another role's endpoint" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/violations"),
        "a deal the caller may not see" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals/999999"),
        "an address the API does not have" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here"),
        "a method the address does not take" => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/deals"),
        "a transition the machine refuses" => Post($"/api/v1/deals/{await LostDealAsync(client)}/lost", string.Empty),
        "a body over the limit" => Post("/api/v1/auth/login", new string('x', 8 * 1024)),
        _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") },
    };

    // A deal that is already Lost: marking it lost again is not possible in its state.
    private static async Task<int> LostDealAsync(HttpClient client)
    {
        var uscc = Portal.Tests.Deals.DealInputs.NewUscc("440106", 801);
        using var registered = await client.PostAsync(
            new Uri("/api/v1/deals", UriKind.Relative),
            Json($$"""{"customer":{"uscc":"{{uscc}}","name":"广州语言测试有限公司","regionCode":"440106","segment":"GovernmentEnterprise"},"lines":[{"sku":"OIS-PRO","quantity":1,"unitPrice":3980.00}],"expectedCloseDate":"2026-07-01"}"""));
        using var body = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetInt32();
        using var lost = await client.PostAsync(new Uri($"/api/v1/deals/{id}/lost", UriKind.Relative), null);
        return id;
    }

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path) { Content = Json(json) };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
