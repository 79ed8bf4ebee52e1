using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Authorizations;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;
using Portal.Features.Recruitment;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Operations;

/// <summary>
/// Every dashboard figure equals the total of the list it links to (ADR 31): each figure's address is opened the way its
/// page reads it (<see cref="GridQuery"/>) and the list's service counts; and each role sees only its own scope's figures.
/// </summary>
public sealed class DashboardTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private const string RegionalManager = "manager.gd@channels.local";
    private static readonly PageRequest CountOnly = new(0, 1, null, false);

    private DashboardService Dashboard => Service<DashboardService>();

    [Fact]
    public async Task Every_figure_of_a_managers_dashboard_equals_the_total_of_the_list_it_links_to()
    {
        await ConflictAsync(8801);
        var manager = await UserAsync(Manager);

        var view = await Dashboard.GetAsync(manager);

        Assert.Equal(["Dash_RegistrationsByWeek", "Dash_ConflictsByWeek", "Dash_ExpiringByWeek", "Dash_AgentsByTier"], view.Charts.Select(c => c.Key));
        await AssertFiguresEqualTheirListsAsync(manager, view);
    }

    [Fact]
    public async Task Registrations_are_counted_in_their_china_week_by_outcome_and_a_protected_customer_refusal_is_a_conflict()
    {
        var before = await Dashboard.GetAsync(await UserAsync(Manager));
        await ConflictAsync(8802);

        var after = await Dashboard.GetAsync(await UserAsync(Manager));

        var thisWeek = DashboardService.Monday(TestTime.Today);
        var registrations = Chart(after, "Dash_RegistrationsByWeek");
        Assert.Equal(DashboardService.WeeksShown, registrations.Categories.Count);
        Assert.Equal(thisWeek, registrations.Categories[^1].Week);
        Assert.Equal(DayOfWeek.Monday, registrations.Categories[0].Week!.Value.DayOfWeek);
        Assert.Equal(Last(before, "Dash_RegistrationsByWeek", "DealStatus_Approved") + 1, Last(after, "Dash_RegistrationsByWeek", "DealStatus_Approved"));
        Assert.Equal(Last(before, "Dash_RegistrationsByWeek", "DealStatus_Rejected") + 1, Last(after, "Dash_RegistrationsByWeek", "DealStatus_Rejected"));
        Assert.Equal(Last(before, "Dash_ConflictsByWeek", "Dash_Conflicts") + 1, Last(after, "Dash_ConflictsByWeek", "Dash_Conflicts"));
        var conflicts = Chart(after, "Dash_ConflictsByWeek").Series.Single().Points[^1];
        Assert.Equal(GridLinks.Deals(DealStatus.Rejected, ReasonCode.CustomerProtected, thisWeek, thisWeek.AddDays(6)), conflicts.Href);
    }

    [Fact]
    public async Task A_regional_managers_figures_are_only_its_regions_and_still_equal_its_lists()
    {
        await ConflictAsync(8803);
        await BeijingDealAsync(8804);
        var everyone = await Dashboard.GetAsync(await UserAsync(Manager));
        var gd = await UserAsync(RegionalManager);

        var view = await Dashboard.GetAsync(gd);

        Assert.Equal(Sum(everyone, "Dash_RegistrationsByWeek") - 1, Sum(view, "Dash_RegistrationsByWeek"));
        Assert.True(Sum(view, "Dash_AgentsByTier") < Sum(everyone, "Dash_AgentsByTier"));
        await AssertFiguresEqualTheirListsAsync(gd, view);
    }

    [Fact]
    public async Task A_reseller_sees_its_pipeline_expiring_customers_and_margin_and_never_a_siblings_figures()
    {
        var tianhe = await UserAsync(Tianhe);
        var before = await Dashboard.GetAsync(tianhe);
        var registered = await Service<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 8805), "广州天河看板测试科技有限公司", "440106"));
        var sold = await Service<DealLifecycleService>().ReportSaleAsync(tianhe, registered.Value!.Id, DealInputs.Sale("OIS-PRO", 4, 3980.00m));
        Assert.True(sold.Succeeded);
        await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Yuexiu), DealInputs.Registration(DealInputs.NewUscc("440104", 8806), "广州越秀看板测试科技有限公司", "440104"));
        var purchase = await ReadAsync(db => db.Set<DealLine>().Where(l => l.DealId == registered.Value.Id).Select(l => l.PurchasePrice).SingleAsync());

        var view = await Dashboard.GetAsync(tianhe);
        var gz = await Dashboard.GetAsync(await UserAsync(Gz));

        Assert.Equal("Reseller", view.Role);
        Assert.Equal(Money.Round((3980.00m - purchase) * 4), Headline(view, "Dash_MyMarginThisQuarter").Value);
        Assert.Equal(Sum(before, "Dash_MyPipeline") + 1, Sum(view, "Dash_MyPipeline"));
        Assert.Equal(0, Headline(view, "Dash_SubAgentDeals").Value);
        Assert.Equal(Headline(before, "Dash_MyExpiring30").Value, Headline(view, "Dash_MyExpiring30").Value);
        Assert.Equal(2, Headline(gz, "Dash_MySubAgents").Value);
        Assert.Equal(3980.00m * 4, Headline(gz, "Dash_SubAgentSalesThisQuarter").Value);
        await AssertFiguresEqualTheirListsAsync(tianhe, view);
        await AssertFiguresEqualTheirListsAsync(await UserAsync(Gz), gz);
    }

    [Fact]
    public async Task A_resellers_expiring_customers_are_counted_at_14_and_30_days()
    {
        // The demo registrations protect to the end of the eightieth day: 20 days before, they end within 30 days.
        Clock.SetUtcNow(TestTime.Calendar.StartOfDay(TestTime.Today.AddDays(60)));
        var gz = await UserAsync(Gz);
        var manager = await UserAsync(Manager);

        var view = await Dashboard.GetAsync(gz);
        var managers = await Dashboard.GetAsync(manager);

        Assert.Equal(0, Headline(view, "Dash_MyExpiring14").Value);
        Assert.Equal(3, Headline(view, "Dash_MyExpiring30").Value);
        Assert.True(Sum(managers, "Dash_ExpiringByWeek") >= 3);
        await AssertFiguresEqualTheirListsAsync(gz, view);
        await AssertFiguresEqualTheirListsAsync(manager, managers);
    }

    [Fact]
    public async Task Compliance_sees_open_cases_by_age_and_state_and_each_equals_the_case_list()
    {
        await Cases.FileReportAsync(null, new ViolationReportInput("T1-TIANHE", nameof(ViolationType.DiscountSelling), "看板测试：低价报价。"));
        Clock.Advance(TimeSpan.FromDays(10));
        await Cases.FileReportAsync(null, new ViolationReportInput("T2-YUEXIU", nameof(ViolationType.CrossRegion), "看板测试：跨区销售。"));
        var compliance = await UserAsync(Compliance);

        var view = await Dashboard.GetAsync(compliance);

        var ages = Chart(view, "Dash_OpenCasesByAge");
        Assert.Equal(["Dash_Age90Plus", "Dash_Age31To90", "Dash_Age8To30", "Dash_Age0To7"], ages.Categories.Select(c => c.Key));
        var reported = ages.Series.Single(s => s.Key == "CaseState_Reported").Points;
        Assert.True(reported[2].Value >= 1);
        Assert.True(reported[3].Value >= 1);
        await AssertFiguresEqualTheirListsAsync(compliance, view);
    }

    [Fact]
    public async Task The_api_returns_the_callers_dashboard()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        using var tianhe = await SignInClient.WithTokenAsync(App, Tianhe);

        using var response = await manager.GetAsync(Url("/api/v1/dashboard"));
        var managers = await JsonAsync(response);
        var resellers = await JsonAsync(await tianhe.GetAsync(Url("/api/v1/dashboard")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ChannelManager", managers.GetProperty("role").GetString());
        var active = managers.GetProperty("headlines").EnumerateArray().Single(h => h.GetProperty("key").GetString() == "Dash_ActiveAgents");
        Assert.Equal("/agents?status=Active", active.GetProperty("href").GetString());
        Assert.Equal(4, managers.GetProperty("charts").GetArrayLength());
        Assert.Equal("Reseller", resellers.GetProperty("role").GetString());
    }

    private static DashboardChart Chart(DashboardView view, string key) => view.Charts.Single(c => c.Key == key);

    private static Headline Headline(DashboardView view, string key) => view.Headlines.Single(h => h.Key == key);

    private static long Sum(DashboardView view, string chart) => Chart(view, chart).Series.Sum(s => s.Points.Sum(p => p.Value));

    private static long Last(DashboardView view, string chart, string series) =>
        Chart(view, chart).Series.SingleOrDefault(s => s.Key == series)?.Points[^1].Value ?? 0;

    // A registration refused because another agent protects the customer: Yuexiu registers Tianhe's new customer.
    private async Task ConflictAsync(int number)
    {
        var uscc = DealInputs.NewUscc("440106", number);
        var first = await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, $"广州天河看板冲突{number}科技有限公司", "440106"));
        var second = await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Yuexiu), DealInputs.Registration(uscc, $"广州天河看板冲突{number}科技有限公司", "440106"));
        Assert.Equal(DealStatus.Approved, first.Value!.Status);
        Assert.Equal(DealStatus.Rejected, second.Value!.Status);
        Assert.Contains(second.Value.Reasons, r => r.Code == ReasonCode.CustomerProtected);
    }

    private async Task BeijingDealAsync(int number)
    {
        var uscc = DealInputs.NewUscc("110108", number);
        var registered = await Service<DealRegistrationService>().RegisterAsync(await ResellerOfAsync("CORE-BJ"), DealInputs.Registration(uscc, $"北京海淀看板测试{number}科技有限公司", "110108"));
        Assert.True(registered.Succeeded);
    }

    private async Task AssertFiguresEqualTheirListsAsync(CurrentUser user, DashboardView view)
    {
        var figures = view.Headlines.Where(h => !h.IsMoney).Select(h => (h.Key, Value: (long)h.Value, h.Href))
            .Concat(view.Charts.SelectMany(c => c.Series.SelectMany(s => s.Points.Select(p => ($"{c.Key}/{s.Key}", p.Value, p.Href)))))
            .ToList();
        Assert.NotEmpty(figures);
        var checkedFigures = 0;
        foreach (var (key, value, href) in figures)
        {
            if (await ListTotalAsync(user, href) is { } total)
            {
                Assert.True(value == total, $"{key}: {value} on the dashboard, {total} in {href}");
                checkedFigures++;
            }
        }

        Assert.True(checkedFigures > 0);
    }

    // The list's total for an address, its query read the way the page reads it; null for a page that is not a counted list.
    private async Task<long?> ListTotalAsync(CurrentUser user, string href)
    {
        var parts = href.Split('?', 2);
        var query = QueryHelpers.ParseQuery(parts.Length > 1 ? parts[1] : string.Empty);
        string? Q(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        switch (parts[0])
        {
            case "/deals":
                var deals = new DealFilter(
                    GridQuery.Enum<DealStatus>(Q("status")), null, GridQuery.Day(Q("from")), GridQuery.Day(Q("to")),
                    Reason: Q("reason"), Owner: GridQuery.Enum<DealOwner>(Q("owner")), SoldFrom: GridQuery.Day(Q("soldFrom")), SoldTo: GridQuery.Day(Q("soldTo")));
                return (await Service<DealQueries>().ListAsync(user, deals, CountOnly)).TotalCount;
            case "/customers":
                var customers = new CustomerFilter(
                    null, GridQuery.Flag(Q("protected")) ?? false, GridQuery.Number(Q("expiring"), 0, 3650), GridQuery.Day(Q("expiresFrom")), GridQuery.Day(Q("expiresTo")));
                return (await Service<CustomerDirectory>().ListAsync(user, customers, CountOnly)).TotalCount;
            case "/agents":
                return (await Service<AgentDirectory>().SearchAsync(user, new AgentFilter(null, GridQuery.Enum<AgentTier>(Q("tier")), GridQuery.Enum<ContractStatus>(Q("status"))), CountOnly)).TotalCount;
            case "/cases":
                var cases = new CaseFilter(
                    GridQuery.Enum<CaseState>(Q("state")), GridQuery.Enum<ViolationType>(Q("type")),
                    OpenedFrom: GridQuery.Day(Q("openedFrom")), OpenedTo: GridQuery.Day(Q("openedTo")),
                    PenalizedFrom: GridQuery.Day(Q("penalizedFrom")), PenalizedTo: GridQuery.Day(Q("penalizedTo")));
                return (await Queries.ListAsync(user, cases, CountOnly)).TotalCount;
            case "/review":
                return Q("tab") switch
                {
                    "deals" => (await Service<DealQueries>().ListAsync(user, new DealFilter(Statuses: [DealStatus.PendingReview, DealStatus.ExtensionRequested]), CountOnly)).TotalCount,
                    "authorizations" => (await Service<AuthorizationDirectory>().QueueAsync(user, CountOnly)).TotalCount,
                    _ => (await Service<AgentApplications>().QueueAsync(user, CountOnly)).TotalCount,
                };
            default:
                return null;
        }
    }
}
