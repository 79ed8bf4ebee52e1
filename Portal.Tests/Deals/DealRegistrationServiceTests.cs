using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

public sealed class DealRegistrationServiceTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private DealRegistrationService Registrations => Service<DealRegistrationService>();

    [Fact]
    public async Task A_new_customer_in_territory_is_approved_and_protected_for_ninety_days()
    {
        var tianhe = await UserAsync(Tianhe);
        var uscc = DealInputs.NewUscc("440106", 1);

        var result = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(uscc, "广州天河新客户科技有限公司", "440106"))).Value!;

        Assert.Equal(DealStatus.Approved, result.Status);
        Assert.Empty(result.Reasons);
        Assert.Equal(TestTime.Today.AddDays(90), result.ProtectedUntil);
        await using var db = await DbAsync();
        var customer = await db.Customers.SingleAsync(c => c.Uscc == uscc);
        var protection = await db.CustomerProtections.SingleAsync(p => p.CustomerId == customer.Id && p.EndedAt == null);
        Assert.Equal(tianhe.AgentId, protection.AgentId);
        Assert.Equal(ProtectionBasis.Registration, protection.Basis);
        var deal = await db.Deals.Include(d => d.Lines).SingleAsync(d => d.Id == result.Id);
        Assert.Equal(2786.00m, deal.Lines.Single().PurchasePrice); // 3980 × (1 − 30 %)
        var dealId = result.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == nameof(AuditAction.DealRegistered) && e.EntityType == nameof(AuditEntity.Deal) && e.EntityId == dealId));
    }

    [Fact]
    public async Task Another_agent_is_refused_with_every_reason_and_never_learns_the_holder()
    {
        var tianhe = await UserAsync(Tianhe);
        var yuexiu = await UserAsync(Yuexiu);
        var uscc = DealInputs.NewUscc("440106", 2);
        await Registrations.RegisterAsync(tianhe, DealInputs.Registration(uscc, "广州天河二号科技有限公司", "440106"));

        var result = (await Registrations.RegisterAsync(yuexiu, DealInputs.Registration(uscc, "广州天河二号科技有限公司", "440106", unitPrice: 3500m))).Value!;

        Assert.Equal(DealStatus.Rejected, result.Status);
        Assert.Equal(
            [ReasonCode.CustomerProtected, ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform],
            result.Reasons.Select(r => r.Code).Order().ToArray());
        Assert.All(result.Reasons, r => Assert.DoesNotContain("TIANHE", r.ToString(), StringComparison.OrdinalIgnoreCase));
        var availability = (await Registrations.CheckAvailabilityAsync(yuexiu, uscc)).Value!;
        Assert.False(availability.Available);
        Assert.False(availability.HeldByCaller);
        Assert.NotNull(availability.ProtectedUntil);
    }

    [Fact]
    public async Task Invalid_input_stores_nothing()
    {
        var tianhe = await UserAsync(Tianhe);
        await using var before = await DbAsync();
        var counts = (await before.Deals.CountAsync(), await before.Customers.CountAsync(), await before.AuditEntries.CountAsync());

        var result = await Registrations.RegisterAsync(tianhe, DealInputs.Registration("91440106MA5000000X", "", "999999", "NO-SUCH", quantity: 2.5m));

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        var codes = result.Codes.ToHashSet();
        Assert.Contains(ReasonCode.InvalidUscc, codes);
        Assert.Contains(ReasonCode.UnknownProduct, codes);
        Assert.Contains(ReasonCode.InvalidQuantity, codes);
        await using var after = await DbAsync();
        Assert.Equal(counts, (await after.Deals.CountAsync(), await after.Customers.CountAsync(), await after.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_possible_duplicate_waits_for_review_and_the_manager_approves_it()
    {
        var tianhe = await UserAsync(Tianhe);
        var manager = await UserAsync(Manager);

        // 广州天河家居服务有限公司 (a free demo customer in 440106) under another USCC and spelling.
        var result = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 3), "广州天河家居服务 有限责任公司", "440106"))).Value!;
        Assert.Equal(DealStatus.PendingReview, result.Status);
        Assert.Equal([ReasonCode.PossibleDuplicate], result.Reasons.Select(r => r.Code));

        var review = await Service<DealReviewService>().ApproveAsync(manager, result.Id, "不同的法人主体");

        Assert.True(review.Succeeded);
        await using var db = await DbAsync();
        Assert.Equal(DealStatus.Approved, (await db.Deals.SingleAsync(d => d.Id == result.Id)).Status);
    }

    [Fact]
    public async Task A_sale_below_the_uniform_price_is_recorded_and_opens_a_discount_selling_case()
    {
        var tianhe = await UserAsync(Tianhe);
        var registered = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 4), "广州天河四号科技有限公司", "440106"))).Value!;

        var sale = await Service<DealLifecycleService>().ReportSaleAsync(tianhe, registered.Id, DealInputs.Sale("OIS-PRO", 10, 3500m));

        Assert.True(sale.Succeeded);
        Assert.Equal([ReasonCode.PriceNotUniform], sale.Value.Notes.Select(n => n.Code));
        Assert.Single(sale.Value.OpenedCaseIds);
        await using var db = await DbAsync();
        Assert.Equal(DealStatus.Won, (await db.Deals.SingleAsync(d => d.Id == registered.Id)).Status);
        var report = await db.SalesReports.Include(r => r.Lines).SingleAsync(r => r.DealId == registered.Id);
        Assert.Equal(3500m, report.Lines.Single().UnitPrice);
        var violation = await db.ViolationCases.SingleAsync(c => c.DealId == registered.Id);
        Assert.Equal(ViolationType.DiscountSelling, violation.Type);
        Assert.Equal(CaseSource.AutoDetected, violation.Source);
        Assert.Equal(tianhe.AgentId, violation.SubjectAgentId);
        var protection = await db.CustomerProtections.SingleAsync(p => p.DealId == registered.Id && p.EndedAt == null);
        Assert.Equal(ProtectionBasis.Sale, protection.Basis);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Today.AddMonths(12)), protection.Until);
        var shown = await Service<DealQueries>().GetAsync(tianhe, registered.Id);
        Assert.Equal(TestTime.Today.AddMonths(12), shown!.ProtectedUntil);
        Assert.Equal(TestTime.Today.AddMonths(12), sale.Value.ProtectedUntil);
    }

    [Fact]
    public async Task The_one_extension_is_granted_by_the_manager_and_moves_the_protection()
    {
        var tianhe = await UserAsync(Tianhe);
        var manager = await UserAsync(Manager);
        var registered = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 5), "广州天河五号科技有限公司", "440106"))).Value!;
        var lifecycle = Service<DealLifecycleService>();

        Assert.True((await lifecycle.RequestExtensionAsync(tianhe, registered.Id, "客户采购流程延长")).Succeeded);
        Assert.True((await Service<DealReviewService>().DecideExtensionAsync(manager, registered.Id, grant: true, "同意")).Succeeded);
        var again = await lifecycle.RequestExtensionAsync(tianhe, registered.Id, "再延一次");

        Assert.Equal(UseCaseOutcome.Refused, again.Outcome);
        Assert.Contains("ExtensionNotYetUsed", again.UnmetGuards);
        await using var db = await DbAsync();
        var protection = await db.CustomerProtections.SingleAsync(p => p.DealId == registered.Id && p.EndedAt == null);
        Assert.Equal(TestTime.Calendar.EndOfDay(registered.ProtectedUntil!.Value.AddDays(90)), protection.Until);
    }

    [Fact]
    public async Task A_sibling_cannot_act_on_a_deal_it_cannot_see()
    {
        var tianhe = await UserAsync(Tianhe);
        var yuexiu = await UserAsync(Yuexiu);
        var registered = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 6), "广州天河六号科技有限公司", "440106"))).Value!;

        var result = await Service<DealLifecycleService>().MarkLostAsync(yuexiu, registered.Id);

        Assert.Equal(UseCaseOutcome.NotFound, result.Outcome);
        Assert.Null(await Service<DealQueries>().GetAsync(yuexiu, registered.Id));
    }
}
