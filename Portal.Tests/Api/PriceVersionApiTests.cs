using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Api;

/// <summary>
/// Price list versions through the API on a real database (DESIGN.md §7, §9): published whole, now or later, in order;
/// applied to registrations from their instant; acknowledged by each Active agent, with the manager's coverage; retired
/// products not sold.
/// </summary>
public sealed class PriceVersionApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_scheduled_version_applies_from_its_instant_and_each_agent_acknowledges_it_once()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var gz = await SignInClient.WithTokenAsync(App, Gz);
        var from = Now.AddMinutes(10);

        using var published = await manager.PostAsJsonAsync(Url("/api/v1/price-list/versions"), Body(from, std: 2080.00m, core: 0.35m));
        var version = await JsonAsync(published);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal((2, "Scheduled"), (version.GetProperty("number").GetInt32(), version.GetProperty("state").GetString()));
        Assert.Equal("/api/v1/price-list/versions/2", published.Headers.Location!.OriginalString);

        // The reseller sees the scheduled version at its own tier's prices, and is asked to acknowledge it.
        var list = await JsonAsync(await gz.GetAsync(Url("/api/v1/price-list")));
        Assert.Equal(1, list.GetProperty("inForce").GetProperty("number").GetInt32());
        var scheduled = Assert.Single(list.GetProperty("scheduled").EnumerateArray());
        var std = scheduled.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("sku").GetString() == "OIS-STD");
        Assert.Equal((2080.00m, 1980.00m, 1352.00m), (std.GetProperty("uniformPrice").GetDecimal(), std.GetProperty("previousPrice").GetDecimal(), std.GetProperty("purchasePrice").GetDecimal()));
        Assert.Equal(["Core"], scheduled.GetProperty("discounts").EnumerateArray().Select(d => d.GetProperty("tier").GetString()));
        Assert.Equal(2, list.GetProperty("pendingAcknowledgement").GetProperty("number").GetInt32());

        // Until the instant, deals are priced by version 1; from it, by version 2.
        using (var before = await gz.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(DealInputs.NewUscc("440106", 7801), "广州调价前科技有限公司", "440106", "OIS-STD", 2080.00m, 1)))
        {
            Assert.Equal("PRICE_NOT_UNIFORM", (await JsonAsync(before)).GetProperty("reasons")[0].GetProperty("code").GetString());
        }

        Clock.SetUtcNow(from);
        using (var after = await gz.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(DealInputs.NewUscc("440106", 7802), "广州调价后科技有限公司", "440106", "OIS-STD", 2080.00m, 1)))
        {
            Assert.Equal("Approved", (await JsonAsync(after)).GetProperty("status").GetString());
        }

        var coverageBefore = (await JsonAsync(await manager.GetAsync(Url("/api/v1/price-list/versions/2")))).GetProperty("coverage").GetProperty("acknowledged").GetInt32();
        using var acknowledged = await gz.PostAsJsonAsync(Url("/api/v1/policy/acknowledgements"), new { version = 2 });
        using var again = await gz.PostAsJsonAsync(Url("/api/v1/policy/acknowledgements"), new { version = 2 });
        Assert.Equal(HttpStatusCode.Created, acknowledged.StatusCode);
        Assert.Equal((await JsonAsync(acknowledged)).GetProperty("acknowledgedAt").GetDateTime(), (await JsonAsync(again)).GetProperty("acknowledgedAt").GetDateTime());

        var coverage = (await JsonAsync(await manager.GetAsync(Url("/api/v1/price-list/versions/2")))).GetProperty("coverage");
        Assert.Equal(coverageBefore + 1, coverage.GetProperty("acknowledged").GetInt32());
        var missing = await JsonAsync(await manager.GetAsync(Url("/api/v1/price-list/versions/2/missing?pageSize=200")));
        var codes = missing.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("CORE-GZ", codes);
        Assert.Contains("CORE-SZ", codes);
        Assert.Equal(coverage.GetProperty("expected").GetInt32() - coverage.GetProperty("acknowledged").GetInt32(), missing.GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await gz.GetAsync(Url("/api/v1/price-list")))).GetProperty("pendingAcknowledgement").ValueKind);
    }

    [Fact]
    public async Task A_version_that_is_not_whole_is_a_400_and_stores_nothing()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);

        using var response = await manager.PostAsJsonAsync(Url("/api/v1/price-list/versions"), new
        {
            prices = new[] { new { sku = "OIS-STD", price = 2080.00m } },
            discounts = new[] { new { tier = "Core", rate = 0.35m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("REQUIRED", errors.GetProperty("prices[OIS-PRO]")[0].GetString());
        Assert.Equal("REQUIRED", errors.GetProperty("discounts[Tier2]")[0].GetString());
        Assert.Equal(1, await ReadAsync(db => db.PriceListVersions.CountAsync()));
        Assert.Equal(3, await ReadAsync(db => db.ProductPrices.CountAsync()));
    }

    [Fact]
    public async Task Versions_take_effect_in_the_order_published_and_only_a_manager_of_the_whole_channel_publishes()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var gz = await SignInClient.WithTokenAsync(App, Gz);
        using var regional = await SignInClient.WithTokenAsync(App, "manager.gd@channels.local");

        using var later = await manager.PostAsJsonAsync(Url("/api/v1/price-list/versions"), Body(Now.AddDays(30)));
        using var earlier = await manager.PostAsJsonAsync(Url("/api/v1/price-list/versions"), Body(Now.AddDays(10)));
        using var byReseller = await gz.PostAsJsonAsync(Url("/api/v1/price-list/versions"), Body(Now.AddDays(40)));
        using var byRegional = await regional.PostAsJsonAsync(Url("/api/v1/price-list/versions"), Body(Now.AddDays(40)));

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, earlier.StatusCode);
        Assert.Equal("VERSION_NOT_AFTER_LATEST", (await JsonAsync(earlier)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byReseller.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "NATIONAL_PRICE_LIST"), (byRegional.StatusCode, (await JsonAsync(byRegional)).GetProperty("code").GetString()));
        var entry = await ReadAsync(db => db.AuditEntries.Where(e => e.Action == "PriceVersionPublished").SingleAsync());
        Assert.Equal(("PriceListVersion", "2"), (entry.EntityType, entry.EntityId));
    }

    [Fact]
    public async Task A_retired_product_is_not_sold_in_new_deals_and_is_not_priced_again()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var gz = await SignInClient.WithTokenAsync(App, Gz);

        using var unexplained = await manager.PostAsJsonAsync(Url("/api/v1/products/OIS-ENT/retire"), new { reason = " " });
        using var retired = await manager.PostAsJsonAsync(Url("/api/v1/products/ois-ent/retire"), new { reason = "企业版停售，由专业版替代。" });
        using var twice = await manager.PostAsJsonAsync(Url("/api/v1/products/OIS-ENT/retire"), new { reason = "再次停售。" });
        using var unknown = await manager.PostAsJsonAsync(Url("/api/v1/products/NO-SUCH/retire"), new { reason = "停售。" });
        using var deal = await gz.PostAsJsonAsync(Url("/api/v1/deals"), DealInputs.Registration(DealInputs.NewUscc("440106", 7803), "广州停售产品科技有限公司", "440106", "OIS-ENT", 9800.00m, 1));
        using var priced = await manager.PostAsJsonAsync(Url("/api/v1/price-list/versions"), new
        {
            prices = new[] { new { sku = "OIS-STD", price = 1980.00m }, new { sku = "OIS-PRO", price = 3980.00m }, new { sku = "OIS-ENT", price = 9800.00m } },
            discounts = Discounts(0.40m),
        });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("OIS-ENT", (await JsonAsync(retired)).GetProperty("sku").GetString());
        Assert.Equal((HttpStatusCode.Conflict, "PRODUCT_RETIRED"), (twice.StatusCode, (await JsonAsync(twice)).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deal.StatusCode);
        Assert.Equal("PRODUCT_RETIRED", (await JsonAsync(deal)).GetProperty("errors").GetProperty("lines[0].sku")[0].GetString());
        Assert.Equal("PRODUCT_RETIRED", (await JsonAsync(priced)).GetProperty("errors").GetProperty("prices[OIS-ENT]")[0].GetString());
        Assert.DoesNotContain("OIS-ENT", (await JsonAsync(await gz.GetAsync(Url("/api/v1/products")))).EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
    }

    private static object Body(DateTime from, decimal std = 2080.00m, decimal core = 0.40m) => new
    {
        effectiveFrom = from,
        prices = new[] { new { sku = "OIS-STD", price = std }, new { sku = "OIS-PRO", price = 3980.00m }, new { sku = "OIS-ENT", price = 9800.00m } },
        discounts = Discounts(core),
        note = "2027 年度调价",
    };

    private static object[] Discounts(decimal core) =>
    [
        new { tier = "Strategic", rate = 0.50m },
        new { tier = "Core", rate = core },
        new { tier = "Tier1", rate = 0.30m },
        new { tier = "Tier2", rate = 0.20m },
    ];
}
