using System.Net.Http.Headers;
using Portal.Domain.Common;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.MultiInstance;

/// <summary>The API as an integration calls it over the network, against one instance or the load balancer.</summary>
internal static class ClusterApi
{
    /// <summary>
    /// Today in the channel's zone. The instances run on the machine's clock (they are real processes, no fake clock
    /// reaches them), so dates the rules check — contract periods, expected close dates — are taken from it too.
    /// </summary>
    public static DateOnly Today => BusinessCalendar.China.DateOf(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A client of <paramref name="address"/> carrying the user's bearer token, signed in there. Like most integrations
    /// it keeps no cookies, so through nginx each of its requests takes a route of its own.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(Uri address, string email, string password = Portal.Data.Seed.DemoData.Password)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInClient.TokenAsync(client, email, password));
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static object Registration(string uscc, string name, string region = "440106", string sku = "OIS-PRO", decimal unitPrice = 3980.00m) => new
    {
        customer = new { uscc, name, regionCode = region, segment = "GovernmentEnterprise" },
        lines = new[] { new { sku, quantity = 1, unitPrice } },
        expectedCloseDate = Today.AddDays(30),
    };

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, object registration) =>
        client.PostAsJsonAsync(Url("/api/v1/deals"), registration);

    /// <summary>
    /// Vendor-signed Core agents covering Guangzhou, each with a portal user, signed directly by the channel manager
    /// through <paramref name="manager"/>; answers their e-mails and initial passwords.
    /// </summary>
    public static async Task<List<(string Email, string Password)>> SignAgentsAsync(HttpClient manager, int count, int firstNumber)
    {
        var users = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var code = $"MI-{firstNumber + i}";
            using var signed = await manager.PostAsJsonAsync(Url("/api/v1/agents"), new
            {
                code,
                legalName = $"广州多实例测试代理{firstNumber + i}有限公司",
                uscc = DealInputs.NewUscc("440100", firstNumber + i),
                tier = "Core",
                territory = new[] { "440100" },
                contractStart = Today.AddDays(-1),
                contractEnd = Today.AddYears(1),
            });
            Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
            var email = $"{code.ToLowerInvariant()}@agents.example.cn";
            using var user = await manager.PostAsJsonAsync(Url($"/api/v1/agents/{code}/users"), new { email, displayName = code });
            Assert.True(user.IsSuccessStatusCode, await user.Content.ReadAsStringAsync());
            users.Add((email, (await JsonAsync(user)).GetProperty("initialPassword").GetString()!));
        }

        return users;
    }
}
