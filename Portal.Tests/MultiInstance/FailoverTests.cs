using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using Portal.Tests.Browser;
using Portal.Tests.Deals;
using static Portal.Tests.Infrastructure.ApiCalls;
using static Portal.Tests.MultiInstance.ClusterApi;

namespace Portal.Tests.MultiInstance;

/// <summary>
/// An instance dies (killed, as a crash or a lost machine would end it) while people and integrations work through
/// nginx: no write the portal acknowledged is lost, and the survivor serves everyone — the browser included, once
/// reloaded. Each test kills an instance, so each starts a cluster of its own.
/// </summary>
[Trait("Database", "PostgreSql")]
[Collection(MultiInstanceTests.Name)]
public sealed class FailoverTests
{
    private const int Workers = 6;
    private const int FirstNumber = 9301;
    private const int LastNumber = 9396;
    private const int KillAfterAcknowledged = 20;

    [Fact]
    public async Task Killing_an_instance_mid_load_loses_no_acknowledged_registration_and_the_other_keeps_serving()
    {
        await using var cluster = await PortalCluster.StartAsync();
        using var tianhe = await SignedInAsync(cluster.Proxy.Address, "tianhe@channels.local");
        var answers = new ConcurrentBag<Answer>();
        var next = FirstNumber - 1;
        var killed = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) <= LastNumber)
            {
                var afterKill = Volatile.Read(ref killed) == 1;
                var answer = await TryRegisterAsync(tianhe, number, afterKill);
                answers.Add(answer);
                if (answers.Count(a => a.DealId is not null) >= KillAfterAcknowledged)
                {
                    halfway.TrySetResult();
                }
            }
        })).ToList();

        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(2));
        cluster.A.Kill();
        Volatile.Write(ref killed, 1);
        await Task.WhenAll(workers);

        var acknowledged = answers.Where(a => a.DealId is not null).ToList();
        var stored = await cluster.ScalarAsync<long>("""SELECT count(*) FROM "Deals" WHERE "Id" = ANY(@ids)""", ("ids", acknowledged.Select(a => a.DealId!.Value).ToArray()));
        Assert.Equal(acknowledged.Count, stored);

        var beforeKill = answers.Where(a => !a.AfterKill && a.Upstream is not null).Select(a => cluster.InstanceAt(a.Upstream).Name).ToHashSet();
        Assert.Equal(["A", "B"], beforeKill.Order());
        var afterKill = answers.Where(a => a.AfterKill).ToList();
        Assert.NotEmpty(afterKill);
        Assert.All(afterKill, a => Assert.Equal((HttpStatusCode.Created, "B"), (a.Status, cluster.InstanceAt(a.Upstream).Name)));

        using var list = await tianhe.GetAsync(Url("/api/v1/deals?pageSize=10"));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_browser_whose_instance_dies_continues_on_the_survivor()
    {
        await using var cluster = await PortalCluster.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        var page = await BrowserFixture.NewPageAsync(browser, cluster.Proxy.Address, "zh-CN");

        await page.SignInAsync("tianhe@channels.local");
        await page.WaitForInteractiveAsync();

        var opened = await page.GotoAsync("/deals/new");
        await page.WaitForInteractiveAsync();
        var serving = cluster.InstanceAt(await opened!.HeaderValueAsync(NginxProxy.UpstreamHeader));
        var survivor = cluster.Other(serving);

        serving.Kill();
        var reloaded = await OpenAgainAsync(page, "/deals/new");
        if (page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.SignInAsync("tianhe@channels.local");
            reloaded = await OpenAgainAsync(page, "/deals/new");
        }

        Assert.Equal(survivor, cluster.InstanceAt(await reloaded!.HeaderValueAsync(NginxProxy.UpstreamHeader)));
        await page.WaitForInteractiveAsync();
        await DealFlowTests.FillRegistrationAsync(page, DealInputs.NewUscc("440106", 9397), "广州多实例浏览器续接有限公司");
        await page.ClickAsync("[data-testid='register-submit']");
        await Assertions.Expect(page.Locator("[data-testid='registration-result']")).ToHaveAttributeAsync("data-status", "Approved");
        await page.ScreenshotAsync("multi-instance-survivor-zh");
    }

    [Fact]
    public async Task When_the_instance_holding_the_expiry_lease_dies_the_other_takes_it_over_within_two_lease_durations()
    {
        const int LeaseSeconds = 6;
        await using var cluster = await PortalCluster.StartAsync(new Dictionary<string, string> { ["Leases:DurationSeconds"] = $"{LeaseSeconds}" });
        var held = await cluster.LeaseWhenAsync(l => l.Runs >= 1);
        var holder = held.Holder == cluster.A.Name ? cluster.A : cluster.B;

        holder.Kill();
        var taken = await cluster.LeaseWhenAsync(l => l.Holder != held.Holder);

        // The dead holder last renewed at (its expiry − one duration) or later; the survivor took over by one duration after that expiry.
        Assert.Equal(cluster.Other(holder).Name, taken.Holder);
        Assert.True(taken.AcquiredAt <= held.ExpiresAt.AddSeconds(LeaseSeconds), $"Held until {held.ExpiresAt:O}, taken over at {taken.AcquiredAt:O}.");

        // … and runs the job from then on.
        var after = await cluster.LeaseWhenAsync(l => l.Runs > taken.Runs);
        Assert.Equal(taken.Holder, after.Holder);
    }

    /// <summary>
    /// Opens <paramref name="path"/> in the same tab. Blazor's own script, finding its circuit gone, reloads the page
    /// by itself at a moment of its choosing; a navigation it aborts that way is simply made again.
    /// </summary>
    private static async Task<IResponse?> OpenAgainAsync(IPage page, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await page.GotoAsync(path);
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    private static async Task<Answer> TryRegisterAsync(HttpClient client, int number, bool afterKill)
    {
        try
        {
            using var response = await RegisterAsync(client, Registration(DealInputs.NewUscc("440106", number), $"广州多实例负载{number}科技有限公司"));
            var upstream = response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var values) ? values.Single() : null;
            int? id = response.StatusCode == HttpStatusCode.Created ? (await JsonAsync(response)).GetProperty("id").GetInt32() : null;
            return new Answer(afterKill, response.StatusCode, upstream, id);
        }
        catch (HttpRequestException)
        {
            // The connection was cut mid-answer: not acknowledged, so nothing is promised about it.
            return new Answer(afterKill, null, null, null);
        }
    }

    private sealed record Answer(bool AfterKill, HttpStatusCode? Status, string? Upstream, int? DealId);
}
