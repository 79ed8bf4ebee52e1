using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Every reason code of DESIGN.md §4 that <c>POST /api/v1/deals</c> can give, with the demo data.</summary>
public sealed class DealApiTests(DealApiTests.CappedApp fixture) : AppTest<DealApiTests.CappedApp>(fixture)
{
    [Fact]
    public async Task An_approved_registration_answers_201_with_its_location_and_protection()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");

        using var response = await PostDealAsync(tianhe, Body(DealInputs.NewUscc("440106", 101), "广州接口一号科技有限公司", "440106"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await JsonAsync(response);
        Assert.Equal("Approved", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("reasons").GetArrayLength());
        Assert.Equal($"/api/v1/deals/{body.RootElement.GetProperty("id").GetInt32()}", response.Headers.Location?.OriginalString);
        Assert.True(body.RootElement.TryGetProperty("protectedUntil", out _));
    }

    [Theory]
    [InlineData("INVALID_USCC", "customer.uscc")]
    [InlineData("UNKNOWN_PRODUCT", "lines[0].sku")]
    [InlineData("INVALID_QUANTITY", "lines[0].quantity")]
    [InlineData("INVALID_REGION", "customer.regionCode")]
    [InlineData("REQUIRED", "customer.name")]
    public async Task Input_that_can_never_be_right_answers_400_with_the_field_and_code_and_stores_nothing(string code, string field)
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");
        var body = code switch
        {
            "INVALID_USCC" => Body("91440106MA5000000X", "广州坏代码有限公司", "440106"),
            "UNKNOWN_PRODUCT" => Body(DealInputs.NewUscc("440106", 102), "广州未知产品有限公司", "440106", sku: "NO-SUCH"),
            "INVALID_QUANTITY" => Body(DealInputs.NewUscc("440106", 103), "广州小数数量有限公司", "440106", quantity: 2.5m),
            "INVALID_REGION" => Body(DealInputs.NewUscc("440106", 104), "广州错误区域有限公司", "999999"),
            _ => Body(DealInputs.NewUscc("440106", 105), "", "440106"),
        };
        var before = await CountsAsync();

        using var response = await PostDealAsync(tianhe, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        var codes = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(code, codes);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details_and_stores_nothing()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");
        var before = await CountsAsync();

        using var content = new StringContent("{\"customer\": {\"uscc\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await tianhe.PostAsync(new Uri("/api/v1/deals", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_out_of_territory_discounted_quote_for_a_protected_customer_reports_all_three()
    {
        using var yuexiu = await SignInClient.WithTokenAsync(App, "yuexiu@channels.local");
        var tianhesCustomer = await DemoCustomerUsccAsync("T1-TIANHE");

        var codes = await RegisteredCodesAsync(yuexiu, Body(tianhesCustomer, "广州天河软件园科技有限公司", "440106", unitPrice: 3000m), "Rejected");

        Assert.Equal([ReasonCode.CustomerProtected, ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform], codes.Order().ToArray());
    }

    [Fact]
    public async Task A_protected_customer_is_refused_and_the_answer_never_names_the_holder()
    {
        using var sz = await SignInClient.WithTokenAsync(App, "sz@channels.local");
        var szOwn = await DemoCustomerUsccAsync("CORE-SZ");
        using var gz = await SignInClient.WithTokenAsync(App, "gz@channels.local");
        var tianhesCustomer = await DemoCustomerUsccAsync("T1-TIANHE");

        using var response = await PostDealAsync(gz, Body(tianhesCustomer, "广州天河软件园科技有限公司", "440106"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains(ReasonCode.CustomerProtected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("TIANHE", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("天河一级", text, StringComparison.Ordinal);
        using var availability = JsonDocument.Parse(await sz.GetStringAsync(new Uri($"/api/v1/customers/availability?uscc={tianhesCustomer}", UriKind.Relative)));
        Assert.False(availability.RootElement.GetProperty("available").GetBoolean());
        Assert.Equal(["available", "protectedUntil"], availability.RootElement.EnumerateObject().Select(p => p.Name).ToArray());

        // Its own protected customer may be registered again.
        Assert.Empty(await RegisteredCodesAsync(sz, Body(szOwn, "深圳南山云计算有限公司", "440305", quantity: 3), "Approved"));
    }

    [Fact]
    public async Task A_discounted_quote_is_refused_with_the_line_it_concerns()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");

        using var response = await PostDealAsync(tianhe, Body(DealInputs.NewUscc("440106", 106), "广州折扣报价有限公司", "440106", unitPrice: 3500m));
        using var body = await JsonAsync(response);

        var reason = body.RootElement.GetProperty("reasons")[0];
        Assert.Equal(ReasonCode.PriceNotUniform, reason.GetProperty("code").GetString());
        Assert.Equal("lines[0].unitPrice", reason.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_possible_duplicate_goes_to_review()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");

        var codes = await RegisteredCodesAsync(tianhe, Body(DealInputs.NewUscc("440106", 107), "广州天河家居服务有限责任公司", "440106"), "PendingReview");

        Assert.Equal([ReasonCode.PossibleDuplicate], codes);
    }

    [Fact]
    public async Task An_agent_whose_contract_is_not_active_is_refused()
    {
        await using (var db = await DbAsync())
        {
            var agent = await db.Agents.SingleAsync(a => a.Code == "T1-SH");
            agent.Suspend(Now.AddDays(30), Now);
            await db.SaveChangesAsync();
        }

        using var sh = await SignInClient.WithTokenAsync(App, "sh@channels.local");

        Assert.Contains(ReasonCode.AgentNotActive, await RegisteredCodesAsync(sh, Body(DealInputs.NewUscc("310115", 108), "上海暂停代理测试有限公司", "310115"), "Rejected"));
    }

    [Fact]
    public async Task The_registration_cap_stops_hoarding()
    {
        using var bj = await SignInClient.WithTokenAsync(App, "bj@channels.local");
        for (var i = 0; i < CappedApp.Cap; i++)
        {
            await RegisteredCodesAsync(bj, Body(DealInputs.NewUscc("110108", 200 + i), $"北京海淀上限测试{i}有限公司", "110108"), "Approved");
        }

        Assert.Contains(ReasonCode.RegistrationCapReached, await RegisteredCodesAsync(bj, Body(DealInputs.NewUscc("110108", 299), "北京海淀上限测试超额有限公司", "110108"), "Rejected"));
    }

    [Fact]
    public async Task A_customer_whose_registration_the_agent_let_expire_is_in_cooldown()
    {
        using var gz = await SignInClient.WithTokenAsync(App, "gz@channels.local");
        var uscc = DealInputs.NewUscc("440103", 109);
        using (var first = await PostDealAsync(gz, Body(uscc, "广州荔湾冷静期测试有限公司", "440103")))
        {
            using var body = await JsonAsync(first);
            await ExpireAsync(body.RootElement.GetProperty("id").GetInt32(), daysAgo: 5);
        }

        Assert.Contains(ReasonCode.CooldownActive, await RegisteredCodesAsync(gz, Body(uscc, "广州荔湾冷静期测试有限公司", "440103"), "Rejected"));
    }

    [Fact]
    public async Task Fifty_concurrent_registrations_by_fifty_agents_leave_exactly_one_approved()
    {
        var agents = await RaceAgents.CreateActiveAsync(App, 50, "440000");
        await CreateUsersAsync(agents.Select(a => a.AgentCode!));
        var clients = new List<HttpClient>();
        foreach (var agent in agents)
        {
            clients.Add(await SignInClient.WithTokenAsync(App, agent.Email, "Race#2026x"));
        }

        var uscc = DealInputs.NewUscc("440106", 9100);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = clients.Select(client => Task.Run(async () =>
        {
            await start.Task;
            using var response = await PostDealAsync(client, Body(uscc, "广州接口并发测试有限公司", "440106"));
            using var body = await JsonAsync(response);
            return (response.StatusCode, Status: body.RootElement.GetProperty("status").GetString());
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(posts);
        clients.ForEach(c => c.Dispose());

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(results, r => r.Status == "Approved");
        Assert.Equal(49, results.Count(r => r.Status == "Rejected"));
    }

    [Fact]
    public async Task A_resellers_deal_list_holds_only_what_it_may_see()
    {
        using var yuexiu = await SignInClient.WithTokenAsync(App, "yuexiu@channels.local");
        using var south = await SignInClient.WithTokenAsync(App, "south@channels.local");

        var yuexiuAgents = await AgentCodesInListAsync(yuexiu);
        var southAgents = await AgentCodesInListAsync(south);

        Assert.Equal(["T2-YUEXIU"], yuexiuAgents);
        Assert.Equal(["CORE-GZ", "T1-TIANHE", "T2-YUEXIU"], southAgents);
    }

    [Fact]
    public async Task A_sale_below_the_uniform_price_opens_a_discount_selling_case()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");
        using var registered = await PostDealAsync(tianhe, Body(DealInputs.NewUscc("440106", 110), "广州接口成交测试有限公司", "440106"));
        using var deal = await JsonAsync(registered);
        var id = deal.RootElement.GetProperty("id").GetInt32();

        using var sale = await tianhe.PostAsJsonAsync(new Uri($"/api/v1/deals/{id}/sales", UriKind.Relative), new { lines = new[] { new { sku = "OIS-PRO", quantity = 10, unitPrice = 3000.00m } }, soldOn = TestTime.Today });

        Assert.Equal(HttpStatusCode.Created, sale.StatusCode);
        await using var db = await DbAsync();
        Assert.Equal(DealStatus.Won, (await db.Deals.SingleAsync(d => d.Id == id)).Status);
        Assert.True(await db.ViolationCases.AnyAsync(c => c.DealId == id && c.Type == Portal.Domain.Compliance.ViolationType.DiscountSelling));
    }

    private static object Body(string uscc, string name, string region, string sku = "OIS-PRO", decimal quantity = 10, decimal unitPrice = 3980.00m) => new
    {
        customer = new { uscc, name, regionCode = region, segment = "GovernmentEnterprise" },
        lines = new[] { new { sku, quantity, unitPrice } },
        expectedCloseDate = TestTime.Today.AddDays(30),
    };

    private static Task<HttpResponseMessage> PostDealAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync(new Uri("/api/v1/deals", UriKind.Relative), body);

    private static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    private static async Task<List<string>> RegisteredCodesAsync(HttpClient client, object body, string expectedStatus)
    {
        using var response = await PostDealAsync(client, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await JsonAsync(response);
        Assert.Equal(expectedStatus, json.RootElement.GetProperty("status").GetString());
        return json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
    }

    private static async Task<List<string>> AgentCodesInListAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/deals?pageSize=200", UriKind.Relative)));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("agentCode").GetString()!).Distinct().Order().ToList();
    }

    private async Task<(int, int, int)> CountsAsync()
    {
        await using var db = await DbAsync();
        return (await db.Deals.CountAsync(), await db.Customers.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == nameof(AuditAction.DealRegistered)));
    }

    private async Task<string> DemoCustomerUsccAsync(string agentCode)
    {
        await using var db = await DbAsync();
        return await (from p in db.CustomerProtections
                      join a in db.Agents on p.AgentId equals a.Id
                      join c in db.Customers on p.CustomerId equals c.Id
                      where a.Code == agentCode && p.EndedAt == null
                      select c.Uscc).FirstAsync();
    }

    private async Task ExpireAsync(int dealId, int daysAgo)
    {
        await using var db = await DbAsync();
        var lapsed = Now.AddDays(-daysAgo);
        await db.Database.ExecuteSqlAsync($"UPDATE \"Deals\" SET \"ProtectedUntil\" = {lapsed}, \"Status\" = 'Expired' WHERE \"Id\" = {dealId}");
        await db.Database.ExecuteSqlAsync($"UPDATE \"CustomerProtections\" SET \"Until\" = {lapsed}, \"EndedAt\" = {lapsed}, \"EndReason\" = 'Expired' WHERE \"DealId\" = {dealId}");
    }

    private async Task CreateUsersAsync(IEnumerable<string> agentCodes)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Data.Identity.PortalUser>>();
        await using var db = await DbAsync();
        foreach (var code in agentCodes)
        {
            var agent = await db.Agents.SingleAsync(a => a.Code == code);
            var user = new Portal.Data.Identity.PortalUser { UserName = $"{code.ToLowerInvariant()}@agents.example.cn", Email = $"{code.ToLowerInvariant()}@agents.example.cn", EmailConfirmed = true, DisplayName = code, AgentId = agent.Id };
            Assert.True((await users.CreateAsync(user, "Race#2026x")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Portal.Data.Identity.PortalRoles.Reseller)).Succeeded);
        }
    }

    /// <summary>The portal with a registration cap of <see cref="Cap"/>, so the cap is reachable in a test.</summary>
    public sealed class CappedApp : PortalAppFixture
    {
        public const int Cap = 3;

        protected override IReadOnlyDictionary<string, string>? Settings =>
            new Dictionary<string, string> { ["Protection:MaxActiveRegistrations"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
