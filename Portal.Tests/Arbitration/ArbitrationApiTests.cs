using System.Net;
using System.Text.Json;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Arbitration;

/// <summary>Arbitration and corrections through the API (DESIGN.md §7, §9): 200 with the new state, 404, 400 and 409 with codes.</summary>
public sealed class ArbitrationApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_transfer_answers_the_customers_protection_with_its_new_holder_and_refusals_carry_their_codes()
    {
        var uscc = DealInputs.NewUscc("440106", 7720);
        using var tianhe = await SignInClient.WithTokenAsync(App, Tianhe);
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var reseller = await SignInClient.WithTokenAsync(App, Gz);
        (await tianhe.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(uscc, "广州仲裁接口测试有限公司", "440106"))).EnsureSuccessStatusCode();

        using var unexplained = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/transfer"), new { toAgentCode = "CORE-GZ" });
        using var outside = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/transfer"), new { toAgentCode = "CORE-BJ", reason = "转给北京。" });
        using var unknown = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{DealInputs.NewUscc("440106", 7721)}/protection/transfer"), new { toAgentCode = "CORE-GZ", reason = "无此客户。" });
        using var forbidden = await reseller.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/transfer"), new { toAgentCode = "CORE-GZ", reason = "越权。" });
        using var moved = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/transfer"), new { toAgentCode = "CORE-GZ", reason = "经核实由广州核心代理开发。" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal("REQUIRED", (await JsonAsync(unexplained)).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode);
        Assert.Equal("OUT_OF_TERRITORY", (await JsonAsync(outside)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await JsonAsync(moved);
        Assert.Equal(("CORE-GZ", "Arbitration"), (body.GetProperty("holder").GetProperty("agentCode").GetString(), body.GetProperty("holder").GetProperty("basis").GetString()));
        Assert.Equal(["CORE-GZ", "T1-TIANHE"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("agentCode").GetString()));
    }

    [Fact]
    public async Task A_release_frees_the_customer_and_a_second_release_is_refused_with_NOT_PROTECTED()
    {
        var uscc = DealInputs.NewUscc("440106", 7722);
        using var tianhe = await SignInClient.WithTokenAsync(App, Tianhe);
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        (await tianhe.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(uscc, "广州仲裁接口释放有限公司", "440106"))).EnsureSuccessStatusCode();

        using var unexplained = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/release"), new { reason = " " });
        using var released = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/release"), new { reason = "客户要求解除。" });
        using var again = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{uscc}/protection/release"), new { reason = "再次解除。" });
        using var unknown = await manager.PostAsJsonAsync(Url($"/api/v1/customers/{DealInputs.NewUscc("440106", 7723)}/protection/release"), new { reason = "无此客户。" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(released)).GetProperty("holder").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("NOT_PROTECTED", (await JsonAsync(again)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_manager_cancels_a_deal_with_a_reason_and_the_machine_refuses_a_second_time()
    {
        var uscc = DealInputs.NewUscc("440106", 7724);
        using var tianhe = await SignInClient.WithTokenAsync(App, Tianhe);
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var registered = await tianhe.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(uscc, "广州取消接口测试有限公司", "440106"));
        var id = (await JsonAsync(registered)).GetProperty("id").GetInt32();

        using var unexplained = await manager.PostAsJsonAsync(Url($"/api/v1/deals/{id}/cancel"), new { });
        using var byReseller = await tianhe.PostAsJsonAsync(Url($"/api/v1/deals/{id}/cancel"), new { reason = "自己取消。" });
        using var cancelled = await manager.PostAsJsonAsync(Url($"/api/v1/deals/{id}/cancel"), new { reason = "客户撤回采购意向。" });
        using var twice = await manager.PostAsJsonAsync(Url($"/api/v1/deals/{id}/cancel"), new { reason = "再次取消。" });
        using var missing = await manager.PostAsJsonAsync(Url("/api/v1/deals/999999/cancel"), new { reason = "无此报备。" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReseller.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_manager_revokes_an_approved_authorization_with_a_reason()
    {
        using var gz = await SignInClient.WithTokenAsync(App, Gz);
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var requested = await Service<Portal.Features.Authorizations.CrossRegionAuthorizationService>().RequestAsync(await UserAsync(Gz), new Portal.Features.Authorizations.AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = Portal.Tests.Builders.TestTime.Today,
            ValidUntil = Portal.Tests.Builders.TestTime.Today.AddDays(30),
            Reason = "深圳展会项目",
        });
        var id = requested.Value!.Id;

        using var tooEarly = await manager.PostAsJsonAsync(Url($"/api/v1/authorizations/{id}/revoke"), new { reason = "提前收回。" });
        await Service<Portal.Features.Authorizations.CrossRegionAuthorizationService>().ApproveAsync(await UserAsync(Manager), id, null);
        using var unexplained = await manager.PostAsJsonAsync(Url($"/api/v1/authorizations/{id}/revoke"), new { });
        using var byReseller = await gz.PostAsJsonAsync(Url($"/api/v1/authorizations/{id}/revoke"), new { reason = "自己撤销。" });
        using var revoked = await manager.PostAsJsonAsync(Url($"/api/v1/authorizations/{id}/revoke"), new { reason = "项目结束。" });
        using var missing = await manager.PostAsJsonAsync(Url("/api/v1/authorizations/999999/revoke"), new { reason = "无此授权。" });

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal("REQUIRED", (await JsonAsync(unexplained)).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byReseller.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("Revoked", (await JsonAsync(revoked)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());
}
