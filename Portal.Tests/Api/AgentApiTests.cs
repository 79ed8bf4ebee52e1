using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Api;

/// <summary>The agents of the channel through the API (DESIGN.md §7): the profile, regrading and contract steps of a channel manager.</summary>
public sealed class AgentApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_manager_reads_an_agents_profile_by_its_code_and_a_reseller_may_not()
    {
        using var manager = await SignInClient.WithTokenAsync(App, "manager@channels.local");
        using var reseller = await SignInClient.WithTokenAsync(App, "gz@channels.local");

        var profile = await JsonAsync(await manager.GetAsync(Url("/api/v1/agents/core-gz")));
        using var refused = await reseller.GetAsync(Url("/api/v1/agents/CORE-GZ"));
        using var missing = await manager.GetAsync(Url("/api/v1/agents/NO-SUCH"));

        Assert.Equal(("CORE-GZ", "Core", "SP-SOUTH"), (profile.GetProperty("code").GetString(), profile.GetProperty("tier").GetString(), profile.GetProperty("parentCode").GetString()));
        Assert.Equal(["T1-TIANHE", "T2-YUEXIU"], profile.GetProperty("subAgentCodes").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.Equal("Active", profile.GetProperty("contract").GetProperty("status").GetString());
        Assert.Equal((1, 1), (profile.GetProperty("protectedCustomers").GetInt32(), profile.GetProperty("deals").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_demotion_below_a_sub_agent_is_refused_naming_the_sub_agent_and_changes_nothing()
    {
        using var manager = await SignInClient.WithTokenAsync(App, "manager@channels.local");
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await manager.PostAsJsonAsync(Url("/api/v1/agents/CORE-GZ/tier"), new { tier = "Tier1", reason = "业绩下滑。" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        var named = problem.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("detail").ValueKind == JsonValueKind.String && r.GetProperty("detail").GetString() == "T1-TIANHE");
        Assert.Equal("RECRUIT_TIER_TOO_HIGH", named.GetProperty("code").GetString());
        Assert.Contains("T1-TIANHE", named.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(AgentTier.Core, (await AgentAsync("CORE-GZ")).Tier);
    }

    [Fact]
    public async Task A_regrading_needs_a_reason_and_a_territory_inside_the_parents_is_taken()
    {
        using var manager = await SignInClient.WithTokenAsync(App, "manager@channels.local");

        using var unexplained = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-TIANHE/territory"), new { regions = new[] { "440106", "440105" } });
        using var taken = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-TIANHE/territory"), new { regions = new[] { "440106", "440105" }, reason = "增加海珠区。" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal("REQUIRED", (await JsonAsync(unexplained)).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(["440105", "440106"], (await JsonAsync(taken)).GetProperty("territory").EnumerateArray().Select(t => t.GetString()).Order());
        var entry = await ReadAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal("AgentRegraded", entry.Action);
        Assert.Contains("增加海珠区", entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminating_ends_the_contract_and_a_renewal_of_an_active_agent_is_refused_by_the_machine()
    {
        using var manager = await SignInClient.WithTokenAsync(App, "manager@channels.local");

        using var renewed = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-SH/renew"), new { until = TestTime.Today.AddYears(1) });
        using var terminated = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-SH/terminate"), new { reason = "代理商主动退出。" });

        Assert.Equal(HttpStatusCode.Conflict, renewed.StatusCode);
        Assert.Equal("TRANSITION_NOT_ALLOWED", (await JsonAsync(renewed)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        Assert.Equal("Terminated", (await JsonAsync(terminated)).GetProperty("contract").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_tier()
    {
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);

        var list = await JsonAsync(await compliance.GetAsync(Url("/api/v1/agents?tier=Core&sortBy=Code&descending=false")));

        Assert.Equal(["CORE-BJ", "CORE-GZ", "CORE-SZ"], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_manager_creates_a_user_for_an_agent_who_then_signs_in_as_its_reseller()
    {
        using var manager = await SignInClient.WithTokenAsync(App, "manager@channels.local");
        using var reseller = await SignInClient.WithTokenAsync(App, "gz@channels.local");

        using var created = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-SH/users"), new { email = "wang.fang@sh.example.cn", displayName = "王芳" });
        using var again = await manager.PostAsJsonAsync(Url("/api/v1/agents/T1-SH/users"), new { email = "wang.fang@sh.example.cn", displayName = "王芳" });
        using var refused = await reseller.PostAsJsonAsync(Url("/api/v1/agents/T1-SH/users"), new { email = "x@sh.example.cn", displayName = "X" });
        var body = await JsonAsync(created);
        using var anyone = App.CreateClient();
        using var login = await anyone.PostAsJsonAsync(Url("/api/v1/auth/login"), new { email = "wang.fang@sh.example.cn", password = body.GetProperty("initialPassword").GetString() });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("EMAIL_TAKEN", (await JsonAsync(again)).GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var account = await ReadAsync(db => db.Users.SingleAsync(u => u.Email == "wang.fang@sh.example.cn"));
        Assert.Equal((await AgentAsync("T1-SH")).Id, account.AgentId);
    }
}
