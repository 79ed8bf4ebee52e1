using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// The vendor signs an agent directly through the API (DESIGN.md §2.2, §7): 201 with the profile, stored and audited;
/// malformed input 400 with nothing stored; the recruitment rules' refusals (tier, territory under a parent, a taken code
/// or USCC) 409 with their codes.
/// </summary>
public sealed class AgentSigningApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_manager_signs_an_agent_under_a_parent_answered_201_with_its_profile_stored_and_audited()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var uscc = DealInputs.NewUscc("440106", 7501);

        using var response = await manager.PostAsJsonAsync(Url("/api/v1/agents"), Body("t2-shipai", uscc, "Tier2", "CORE-GZ", ["440106"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/agents/T2-SHIPAI", response.Headers.Location?.OriginalString);
        var profile = await JsonAsync(response);
        Assert.Equal(("T2-SHIPAI", "Tier2", "CORE-GZ"), (profile.GetProperty("code").GetString(), profile.GetProperty("tier").GetString(), profile.GetProperty("parentCode").GetString()));
        Assert.Equal("Active", profile.GetProperty("contract").GetProperty("status").GetString());
        Assert.Equal("li.na@shipai.example.cn", profile.GetProperty("contacts").GetProperty("email").GetString());
        var agent = await ReadAsync(db => db.Agents.Include(a => a.Territory).SingleAsync(a => a.Code == "T2-SHIPAI"));
        Assert.Equal((uscc, AgentTier.Tier2, TestTime.Today, TestTime.Today.AddYears(1)), (agent.Uscc, agent.Tier, agent.ContractStart!.Value, agent.ContractEnd!.Value));
        Assert.Equal(await AgentIdAsync("CORE-GZ"), agent.ParentId);
        Assert.True(await ReadAsync(db => db.AgentLinks.AnyAsync(l => l.DescendantId == agent.Id && l.Depth == 2)));
        var entry = await ReadAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("AgentSignedDirectly", Manager, agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.Actor, entry.EntityId));
        Assert.Contains("li.na@shipai.example.cn", entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_input_is_answered_400_with_every_field_error_and_nothing_is_stored()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var before = await ReadAsync(db => db.Agents.CountAsync());

        using var response = await manager.PostAsJsonAsync(Url("/api/v1/agents"), new
        {
            code = "bad code!",
            legalName = "",
            uscc = "91440300708461136U",
            tier = "Core",
            territory = new[] { "999999" },
            contractStart = TestTime.Today,
            contractEnd = TestTime.Today.AddDays(-1),
            contacts = new { email = "not-an-address" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("INVALID_VALUE", errors.GetProperty("code")[0].GetString());
        Assert.Equal("REQUIRED", errors.GetProperty("legalName")[0].GetString());
        Assert.True(errors.TryGetProperty("contractEnd", out _));
        Assert.True(errors.TryGetProperty("contacts.email", out _));
        Assert.Equal(before, await ReadAsync(db => db.Agents.CountAsync()));
    }

    [Fact]
    public async Task A_tier_not_below_the_parents_and_a_territory_outside_it_are_refused_409_with_their_codes()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);

        using var response = await manager.PostAsJsonAsync(Url("/api/v1/agents"), Body("CORE-FS", DealInputs.NewUscc("440600", 7502), "Core", "CORE-GZ", ["440600"]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var codes = (await JsonAsync(response)).GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("RECRUIT_TIER_TOO_HIGH", codes);
        Assert.Contains("TERRITORY_NOT_WITHIN_PARENT", codes);
        Assert.False(await ReadAsync(db => db.Agents.AnyAsync(a => a.Code == "CORE-FS")));
    }

    [Fact]
    public async Task A_taken_code_and_a_taken_uscc_are_refused_and_an_unknown_parent_is_malformed()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var takenUscc = (await AgentAsync("CORE-SZ")).Uscc;

        using var taken = await manager.PostAsJsonAsync(Url("/api/v1/agents"), Body("CORE-BJ", takenUscc, "Core", null, ["120000"]));
        using var orphan = await manager.PostAsJsonAsync(Url("/api/v1/agents"), Body("T1-TJ", DealInputs.NewUscc("120000", 7503), "Tier1", "NO-SUCH", ["120000"]));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var reasons = (await JsonAsync(taken)).GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.Contains(("AGENT_CODE_TAKEN", "code"), reasons);
        Assert.Contains(("USCC_TAKEN", "uscc"), reasons);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Equal("UNKNOWN_AGENT", (await JsonAsync(orphan)).GetProperty("errors").GetProperty("parentCode")[0].GetString());
    }

    [Fact]
    public async Task A_vendor_signed_agent_of_any_tier_has_no_parent_and_only_a_manager_may_sign()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);
        var body = Body("SP-NORTH", DealInputs.NewUscc("110000", 7504), "Strategic", null, ["110000", "120000"]);

        using var refused = await compliance.PostAsJsonAsync(Url("/api/v1/agents"), body);
        using var signed = await manager.PostAsJsonAsync(Url("/api/v1/agents"), body);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var profile = await JsonAsync(signed);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("parentCode").ValueKind);
        Assert.Equal("Strategic", profile.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task An_agents_children_are_listed_a_page_at_a_time_with_their_own_child_counts()
    {
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);

        var first = await JsonAsync(await compliance.GetAsync(Url("/api/v1/agents/core-gz/children?page=0&pageSize=1")));
        var second = await JsonAsync(await compliance.GetAsync(Url("/api/v1/agents/CORE-GZ/children?page=1&pageSize=1")));
        var top = await JsonAsync(await compliance.GetAsync(Url("/api/v1/agents/SP-SOUTH/children")));
        using var missing = await compliance.GetAsync(Url("/api/v1/agents/NO-SUCH/children"));

        Assert.Equal(("T1-TIANHE", true), (first.GetProperty("items")[0].GetProperty("code").GetString(), first.GetProperty("hasMore").GetBoolean()));
        Assert.Equal(("T2-YUEXIU", false), (second.GetProperty("items")[0].GetProperty("code").GetString(), second.GetProperty("hasMore").GetBoolean()));
        Assert.Equal(("CORE-GZ", 2), (top.GetProperty("items")[0].GetProperty("code").GetString(), top.GetProperty("items")[0].GetProperty("childCount").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static object Body(string code, string uscc, string tier, string? parentCode, string[] territory) => new
    {
        code,
        legalName = $"{code} 测试代理有限公司",
        uscc,
        tier,
        parentCode,
        territory,
        contractStart = TestTime.Today,
        contractEnd = TestTime.Today.AddYears(1),
        contacts = new { name = "李娜", phone = "020-12345678", email = $"li.na@{code.ToLowerInvariant()[3..]}.example.cn" },
    };

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
