using System.Net;
using Portal.Tests.Deals;
using static Portal.Tests.Infrastructure.ApiCalls;
using static Portal.Tests.MultiInstance.ClusterApi;

namespace Portal.Tests.MultiInstance;

/// <summary>
/// Two portal instances on one PostgreSQL behind nginx (DESIGN.md §11), sharing one cluster: the rules hold across
/// instances — one customer raced over both is approved once, a price version published on one prices the other's
/// next registration, the background job runs once per interval whichever instance holds its lease.
/// </summary>
[Trait("Database", "PostgreSql")]
[Collection(MultiInstanceTests.Name)]
public sealed class TwoInstanceTests(TwoInstanceTests.Cluster fixture) : IClassFixture<TwoInstanceTests.Cluster>
{
    private PortalCluster Instances => fixture.Instances;

    [Fact]
    public async Task A_deal_registered_on_one_instance_is_read_on_the_other()
    {
        using var onA = await SignedInAsync(Instances.A.Address, "tianhe@channels.local");
        using var onB = await SignedInAsync(Instances.B.Address, "tianhe@channels.local");

        using var registered = await RegisterAsync(onA, Registration(DealInputs.NewUscc("440106", 9301), "广州多实例读取测试有限公司"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await JsonAsync(registered)).GetProperty("id").GetInt32();

        using var read = await onB.GetAsync(Url($"/api/v1/deals/{id}"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Approved", (await JsonAsync(read)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_customer_raced_by_agents_on_both_instances_is_approved_once_and_refused_to_every_other()
    {
        const int Agents = 20;
        using var manager = await SignedInAsync(Instances.A.Address, "manager@channels.local");
        var agents = await SignAgentsAsync(manager, Agents, 9310);
        var clients = new List<HttpClient>();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                // Half sign in on A, half on B: each races through the instance it signed in on.
                clients.Add(await SignedInAsync(i % 2 == 0 ? Instances.A.Address : Instances.B.Address, agents[i].Email, agents[i].Password));
            }

            var registration = Registration(DealInputs.NewUscc("440106", 9302), "广州多实例并发测试有限公司");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = clients.Select(client => Task.Run(async () =>
            {
                await start.Task;
                using var response = await RegisterAsync(client, registration);
                var body = await JsonAsync(response);
                return (response.StatusCode, Status: body.GetProperty("status").GetString(),
                    Codes: body.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList());
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(posts);

            Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            Assert.Single(results, r => r.Status == "Approved");
            Assert.All(results.Where(r => r.Status != "Approved"), r => Assert.Equal(("Rejected", "CUSTOMER_PROTECTED"), (r.Status, Assert.Single(r.Codes))));
            var open = await Instances.ScalarAsync<long>(
                """SELECT count(*) FROM "CustomerProtections" p JOIN "Customers" c ON c."Id" = p."CustomerId" WHERE c."Uscc" = @uscc AND p."EndedAt" IS NULL""",
                ("uscc", DealInputs.NewUscc("440106", 9302)));
            Assert.Equal(1, open);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_price_version_published_on_A_prices_the_next_registration_on_B()
    {
        using var gzOnB = await SignedInAsync(Instances.B.Address, "gz@channels.local");
        using var managerOnA = await SignedInAsync(Instances.A.Address, "manager@channels.local");

        // B has priced with the list in force, so its cache holds it.
        using (var before = await RegisterAsync(gzOnB, Registration(DealInputs.NewUscc("440106", 9303), "广州多实例调价前有限公司", sku: "OIS-STD", unitPrice: 1980.00m)))
        {
            Assert.Equal("Approved", (await JsonAsync(before)).GetProperty("status").GetString());
        }

        using var published = await managerOnA.PostAsJsonAsync(Url("/api/v1/price-list/versions"), new
        {
            prices = new[] { new { sku = "OIS-STD", price = 2080.00m }, new { sku = "OIS-PRO", price = 3980.00m }, new { sku = "OIS-ENT", price = 9800.00m } },
            discounts = new[] { new { tier = "Strategic", rate = 0.50m }, new { tier = "Core", rate = 0.40m }, new { tier = "Tier1", rate = 0.30m }, new { tier = "Tier2", rate = 0.20m } },
            note = "多实例调价",
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        using var atOldPrice = await RegisterAsync(gzOnB, Registration(DealInputs.NewUscc("440106", 9304), "广州多实例旧价有限公司", sku: "OIS-STD", unitPrice: 1980.00m));
        using var atNewPrice = await RegisterAsync(gzOnB, Registration(DealInputs.NewUscc("440106", 9305), "广州多实例新价有限公司", sku: "OIS-STD", unitPrice: 2080.00m));
        Assert.Equal("PRICE_NOT_UNIFORM", (await JsonAsync(atOldPrice)).GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("Approved", (await JsonAsync(atNewPrice)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_expiry_job_runs_once_per_interval_across_both_instances()
    {
        // The lease row counts the job's runs whoever holds it; the holder adds the runs it did when it renews the lease
        // (LastRunAt is then that renewal). Were both instances running the job, the runs would come twice as fast as
        // the interval; under the lease, k more runs span at least about k − 2 intervals (one run of slack at each end).
        const int MoreRuns = 10;
        var first = await Instances.LeaseWhenAsync(l => l.Runs >= 1);
        var later = await Instances.LeaseWhenAsync(l => l.Runs >= first.Runs + MoreRuns);

        Assert.Contains(first.Holder, new[] { "A", "B" });
        var runs = later.Runs - first.Runs;
        var between = later.LastRunAt - first.LastRunAt;
        Assert.True(
            between >= TimeSpan.FromSeconds((runs - 2) * PortalCluster.ExpiryIntervalSeconds),
            $"{runs} runs in {between}: more than one per {PortalCluster.ExpiryIntervalSeconds} s interval.");
    }

    /// <summary>The cluster the tests of this class share (none of them kills an instance).</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        public PortalCluster Instances { get; private set; } = null!;

        public async Task InitializeAsync() => Instances = await PortalCluster.StartAsync();

        public async Task DisposeAsync()
        {
            if (Instances is not null)
            {
                await Instances.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MultiInstanceTests
{
    /// <summary>One cluster at a time: each is three processes and a database on a small machine.</summary>
    public const string Name = "MultiInstance";
}
