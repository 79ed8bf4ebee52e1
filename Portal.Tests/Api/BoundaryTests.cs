using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// The boundary of the API (DESIGN.md §7): every kind of input that can never be right, sent to every write endpoint and
/// query parameter, is a 4xx ProblemDetails with a machine <c>code</c> — and nothing is stored.
/// </summary>
public sealed class BoundaryTests(PortalAppFixture fixture) : AppTest(fixture)
{
    /// <summary>Texts no field may hold, each with the code it is refused with (a broken surrogate may not even parse).</summary>
    public static TheoryData<string, string> BadTexts => new()
    {
        { "control character", "广州\u0007科技有限公司" },
        { "right-to-left override", "广州\u202E司公限有技科" },
        { "directional isolate", "\u2066广州科技有限公司\u2069" },
        { "non-character", "广州科技\uFDD0有限公司" },
        { "plane non-character", "广州科技" + char.ConvertFromUtf32(0x1FFFF) + "有限公司" },
        { "lone surrogate", "广州科技" + LoneSurrogate + "有限公司" },
    };

    // A placeholder the JSON text gets as the escape of a lone high surrogate: a serializer would never write one.
    private const string LoneSurrogate = "LONE-SURROGATE";

    /// <summary>Each write endpoint with a valid body for a caller who may use it, and the text field a bad text goes in.</summary>
    public static TheoryData<string> TextFields => new()
    {
        "POST /deals customer.name",
        "POST /deals lines[0].sku",
        "POST /deals/1/extension reason",
        "POST /deals/1/approve note",
        "POST /deals/1/reject note",
        "POST /deals/1/grant-extension note",
        "POST /deals/1/refuse-extension note",
        "POST /violation-reports subject",
        "POST /violation-reports description",
        "POST /violation-reports reporterContact",
    };

    public static TheoryData<string, string> BadTextsInEveryField()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in TextFields)
        {
            foreach (var kind in BadTexts)
            {
                data.Add(field, (string)kind[0]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadTextsInEveryField))]
    public async Task A_text_no_reader_can_trust_is_refused_with_its_field_and_stores_nothing(string target, string kind)
    {
        var (method, path, field) = Parse(target);
        var body = ValidBody(path);
        Set(body, field, BadTexts.Single(t => (string)t[0] == kind)[1]!.ToString()!);

        var problem = await SendAsync(method, path, body.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Contains(problem.Code, new[] { "INVALID_INPUT", "MALFORMED_BODY" });
        if (problem.Code == "INVALID_INPUT")
        {
            Assert.Equal(["INVALID_CHARACTER"], problem.Errors[field]);
        }
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task Only_white_space_is_no_text(string target)
    {
        var (method, path, field) = Parse(target);
        var body = ValidBody(path);
        Set(body, field, " \u3000\t ");

        var problem = await SendAsync(method, path, body.ToJsonString());

        // A note that may be left out is left out; everything else is required.
        if (field == "note" && path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/grant-extension", StringComparison.Ordinal) || field == "reporterContact")
        {
            Assert.NotEqual("INVALID_INPUT", problem.Code);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal(["REQUIRED"], problem.Errors[field]);
    }

    [Theory]
    [InlineData("有限公司")]
    [InlineData("Co., Ltd.")]
    [InlineData("股份有限公司")]
    [InlineData("（）！")]
    public async Task A_customer_name_that_is_only_a_legal_form_or_punctuation_names_nobody(string name)
    {
        var body = ValidBody("/deals");
        Set(body, "customer.name", name);

        var problem = await SendAsync("POST", "/deals", body.ToJsonString());

        Assert.Equal(["INVALID_VALUE"], problem.Errors["customer.name"]);
    }

    [Theory]
    [InlineData("/deals", "expectedCloseDate", "2036-06-01", "INVALID_DATE")]
    [InlineData("/deals", "expectedCloseDate", "2026-05-31", "INVALID_DATE")]
    [InlineData("/deals", "lines[0].unitPrice", "1000000000000", "INVALID_PRICE")]
    [InlineData("/deals", "lines[0].unitPrice", "39.801", "INVALID_PRICE")]
    [InlineData("/deals", "lines[0].quantity", "1000000000", "INVALID_QUANTITY")]
    [InlineData("/deals", "lines[0].quantity", "-3", "INVALID_QUANTITY")]
    [InlineData("/deals/1/sales", "soldOn", "2026-06-02", "INVALID_DATE")]
    [InlineData("/deals/1/sales", "soldOn", "2020-01-01", "INVALID_DATE")]
    [InlineData("/deals/1/sales", "lines[0].unitPrice", "99999999999", "INVALID_PRICE")]
    [InlineData("/deals/1/sales", "lines[0].quantity", "100001", "INVALID_QUANTITY")]
    public async Task Dates_amounts_and_quantities_out_of_their_bounds_are_field_errors(string path, string field, string value, string code)
    {
        var body = ValidBody(path);
        Set(body, field, field.EndsWith("Date", StringComparison.Ordinal) || field == "soldOn" ? JsonValue.Create(value) : JsonNode.Parse(value)!);

        var problem = await SendAsync("POST", path, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal([code], problem.Errors[field]);
    }

    [Theory]
    [InlineData("/deals")]
    [InlineData("/deals/1/sales")]
    [InlineData("/deals/1/extension")]
    [InlineData("/deals/1/approve")]
    [InlineData("/violation-reports")]
    [InlineData("/auth/login")]
    public async Task Malformed_json_wrong_types_wrong_media_and_oversized_bodies_are_refused_with_a_code(string path)
    {
        var malformed = await SendAsync("POST", path, "{\"customer\": {");
        var wrongType = await SendAsync("POST", path, path switch
        {
            "/deals" => """{"lines":[{"sku":"OIS-STD","quantity":"ten","unitPrice":1980}]}""",
            "/deals/1/sales" => """{"soldOn":20260601}""",
            "/deals/1/extension" => """{"reason":{"x":1}}""",
            "/violation-reports" => """{"subject":["T1-TIANHE"]}""",
            "/auth/login" => """{"email":7}""",
            _ => """{"note":[1]}""",
        });
        var notJson = await SendAsync("POST", path, "note=hello", "text/plain");
        var huge = await SendAsync("POST", path, "{\"note\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_BODY"), (malformed.Status, malformed.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_BODY"), (wrongType.Status, wrongType.Code));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"), (notJson.Status, notJson.Code));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE"), (huge.Status, huge.Code));
        if (path == "/deals")
        {
            Assert.Equal(["MALFORMED_BODY"], wrongType.Errors["lines[0].quantity"]);
        }
    }

    [Theory]
    [InlineData("/violation-reports")]
    [InlineData("/auth/login")]
    public async Task Anonymous_endpoints_take_only_a_small_body(string path)
    {
        var problem = await SendAsync("POST", path, "{\"description\":\"" + new string('x', 20 * 1024) + "\"}", caller: null);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE"), (problem.Status, problem.Code));
    }

    [Theory]
    [InlineData("/deals?status=Bogus", "status")]
    [InlineData("/deals?status=1", "status")]
    [InlineData("/deals?page=-1", "page")]
    [InlineData("/deals?page=abc", "page")]
    [InlineData("/deals?pageSize=0", "pageSize")]
    [InlineData("/deals?pageSize=100000", "pageSize")]
    [InlineData("/deals?sortBy=Password", "sortBy")]
    [InlineData("/deals?descending=maybe", "descending")]
    [InlineData("/deals?from=2026-13-01", "from")]
    [InlineData("/deals?to=yesterday", "to")]
    [InlineData("/deals?customer=%E2%80%AE", "customer")]
    [InlineData("/violations?state=Open", "state")]
    [InlineData("/violations?type=Fraud", "type")]
    [InlineData("/violations?source=Rumour", "source")]
    [InlineData("/customers/availability?uscc=91440300708461136U", "customer.uscc")]
    [InlineData("/customers/availability?uscc=%07", "customer.uscc")]
    [InlineData("/customers/availability", "customer.uscc")]
    public async Task A_query_value_that_can_never_be_right_is_a_field_error(string path, string field)
    {
        var problem = await SendAsync("GET", path, null, caller: path.StartsWith("/violations", StringComparison.Ordinal) ? Compliance : Manager);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_INPUT"), (problem.Status, problem.Code));
        Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_coded_404_and_an_unknown_method_a_coded_405()
    {
        var missing = await SendAsync("GET", "/no-such-thing", null);
        var anonymous = await SendAsync("POST", "/auth/register", "{}", caller: null);
        var wrongMethod = await SendAsync("DELETE", "/deals/1", null);

        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (missing.Status, missing.Code));
        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (anonymous.Status, anonymous.Code));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"), (wrongMethod.Status, wrongMethod.Code));
    }

    // The request's caller: each write endpoint gets a caller it admits, so the boundary — not authorization — answers.
    private static string CallerOf(string path) =>
        path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/reject", StringComparison.Ordinal) || path.Contains("-extension", StringComparison.Ordinal)
            ? Manager
            : Tianhe;

    private static (string Method, string Path, string Field) Parse(string target)
    {
        var parts = target.Split(' ');
        return (parts[0], parts[1], parts[2]);
    }

    private static JsonObject ValidBody(string path) => path switch
    {
        "/deals" => JsonSerializer.SerializeToNode(DealInputs.Registration(DealInputs.NewUscc("440106", 777), "广州天河边界测试有限公司", "440106"), Json)!.AsObject(),
        "/deals/1/sales" => JsonSerializer.SerializeToNode(DealInputs.Sale("OIS-STD", 10, 1980m), Json)!.AsObject(),
        "/deals/1/extension" => new JsonObject { ["reason"] = "客户预算推迟" },
        "/violation-reports" => new JsonObject { ["subject"] = "T1-TIANHE", ["type"] = "DiscountSelling", ["description"] = "低价报价", ["reporterContact"] = "138" },
        "/auth/login" => new JsonObject { ["email"] = "tianhe@channels.local", ["password"] = "wrong" },
        _ => new JsonObject { ["note"] = "同意" },
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Sets a field named as the API's field errors name it: "customer.name", "lines[0].sku".
    private static void Set(JsonObject body, string field, JsonNode value)
    {
        JsonNode node = body;
        var parts = field.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i];
            var index = name.IndexOf('[', StringComparison.Ordinal);
            var key = index < 0 ? name : name[..index];
            if (i == parts.Length - 1 && index < 0)
            {
                node[key] = value;
                return;
            }

            node = node[key]!;
            if (index >= 0)
            {
                var position = int.Parse(name[(index + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (i == parts.Length - 1)
                {
                    node[position] = value;
                    return;
                }

                node = node[position]!;
            }
        }
    }

    private static void Set(JsonObject body, string field, string value) => Set(body, field, JsonValue.Create(value)!);

    private async Task<Problem> SendAsync(string method, string path, string? body, string? mediaType = "application/json", string? caller = "")
    {
        var who = caller == string.Empty ? CallerOf(path) : caller;
        using var client = who is null
            ? App.CreateClient(new() { AllowAutoRedirect = false })
            : await SignInClient.WithTokenAsync(App, who);
        var before = await CountsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1" + path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType!);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return new Problem(response.StatusCode, string.Empty, []);
        }

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
        using var json = JsonDocument.Parse(text);
        var errors = json.RootElement.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(c => c.GetString()!).ToArray())
            : [];
        return new Problem(response.StatusCode, json.RootElement.GetProperty("code").GetString()!, errors);
    }

    // What a refused request must leave as it was.
    private async Task<(int, int, int, int, int)> CountsAsync()
    {
        await using var db = await DbAsync();
        return (await db.Deals.CountAsync(), await db.Customers.CountAsync(), await db.SalesReports.CountAsync(), await db.ViolationCases.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action != "SignIn" && e.Action != "SignInFailed"));
    }

    private sealed record Problem(HttpStatusCode Status, string Code, Dictionary<string, string[]> Errors);
}
