using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

public sealed class DealRegistrationServiceTests : IDisposable
{
    private readonly PortalAppFactory _app = new();

    private DealRegistrationService Registrations => _app.Services.GetRequiredService<DealRegistrationService>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_customer_in_territory_is_approved_and_protected_for_ninety_days()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var uscc = DealInputs.NewUscc("440106", 1);

        var result = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(uscc, "广州天河新客户科技有限公司", "440106"));

        Assert.True(result.IsValid);
        Assert.Equal(DealStatus.Approved, result.Status);
        Assert.Empty(result.Reasons);
        Assert.InRange(result.ProtectedUntil!.Value, DateTime.UtcNow.AddDays(89), DateTime.UtcNow.AddDays(91));
        await using var db = await _app.CreateContextAsync();
        var customer = await db.Customers.SingleAsync(c => c.Uscc == uscc);
        var protection = await db.CustomerProtections.SingleAsync(p => p.CustomerId == customer.Id && p.EndedAt == null);
        Assert.Equal(tianhe.AgentId, protection.AgentId);
        Assert.Equal(ProtectionBasis.Registration, protection.Basis);
        var deal = await db.Deals.Include(d => d.Lines).SingleAsync(d => d.Id == result.DealId);
        Assert.Equal(2786.00m, deal.Lines.Single().PurchasePrice); // 3980 × (1 − 30 %)
        var dealId = result.DealId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "DealRegistered" && e.EntityId == dealId));
    }

    [Fact]
    public async Task Another_agent_is_refused_with_every_reason_and_never_learns_the_holder()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var yuexiu = await TestUsers.ForAsync(_app, "yuexiu@channels.local");
        var uscc = DealInputs.NewUscc("440106", 2);
        await Registrations.RegisterAsync(tianhe, DealInputs.Registration(uscc, "广州天河二号科技有限公司", "440106"));

        var result = await Registrations.RegisterAsync(yuexiu, DealInputs.Registration(uscc, "广州天河二号科技有限公司", "440106", unitPrice: 3500m));

        Assert.Equal(DealStatus.Rejected, result.Status);
        Assert.Equal(
            [ReasonCode.CustomerProtected, ReasonCode.OutOfTerritory, ReasonCode.PriceNotUniform],
            result.Reasons.Select(r => r.Code).Order().ToArray());
        Assert.All(result.Reasons, r => Assert.DoesNotContain("TIANHE", r.ToString(), StringComparison.OrdinalIgnoreCase));
        var availability = await Registrations.CheckAvailabilityAsync(yuexiu, uscc);
        Assert.False(availability.Available);
        Assert.False(availability.HeldByCaller);
        Assert.NotNull(availability.ProtectedUntil);
    }

    [Fact]
    public async Task Invalid_input_stores_nothing()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        await using var before = await _app.CreateContextAsync();
        var counts = (await before.Deals.CountAsync(), await before.Customers.CountAsync(), await before.AuditEntries.CountAsync());

        var result = await Registrations.RegisterAsync(tianhe, DealInputs.Registration("91440106MA5000000X", "", "999999", "NO-SUCH", quantity: 2.5m));

        Assert.False(result.IsValid);
        var codes = result.Errors.Select(e => e.Code).ToHashSet();
        Assert.Contains(ReasonCode.InvalidUscc, codes);
        Assert.Contains(ReasonCode.UnknownProduct, codes);
        Assert.Contains(ReasonCode.InvalidQuantity, codes);
        await using var after = await _app.CreateContextAsync();
        Assert.Equal(counts, (await after.Deals.CountAsync(), await after.Customers.CountAsync(), await after.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_possible_duplicate_waits_for_review_and_the_manager_approves_it()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var manager = await TestUsers.ForAsync(_app, "manager@channels.local");

        // 广州天河家居服务有限公司 (a free demo customer in 440106) under another USCC and spelling.
        var result = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 3), "广州天河家居服务 有限责任公司", "440106"));
        Assert.Equal(DealStatus.PendingReview, result.Status);
        Assert.Equal([ReasonCode.PossibleDuplicate], result.Reasons.Select(r => r.Code));

        var review = await _app.Services.GetRequiredService<DealReviewService>().ApproveAsync(manager, result.DealId!.Value, "不同的法人主体");

        Assert.True(review.Succeeded);
        await using var db = await _app.CreateContextAsync();
        Assert.Equal(DealStatus.Approved, (await db.Deals.SingleAsync(d => d.Id == result.DealId)).Status);
    }

    [Fact]
    public async Task A_sale_below_the_uniform_price_is_recorded_and_opens_a_discount_selling_case()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var registered = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 4), "广州天河四号科技有限公司", "440106"));

        var sale = await _app.Services.GetRequiredService<DealLifecycleService>().ReportSaleAsync(tianhe, registered.DealId!.Value, DealInputs.Sale("OIS-PRO", 10, 3500m));

        Assert.True(sale.Succeeded);
        await using var db = await _app.CreateContextAsync();
        Assert.Equal(DealStatus.Won, (await db.Deals.SingleAsync(d => d.Id == registered.DealId)).Status);
        var report = await db.SalesReports.Include(r => r.Lines).SingleAsync(r => r.DealId == registered.DealId);
        Assert.Equal(3500m, report.Lines.Single().UnitPrice);
        var violation = await db.ViolationCases.SingleAsync(c => c.DealId == registered.DealId);
        Assert.Equal(ViolationType.DiscountSelling, violation.Type);
        Assert.Equal(CaseSource.AutoDetected, violation.Source);
        Assert.Equal(tianhe.AgentId, violation.SubjectAgentId);
        var protection = await db.CustomerProtections.SingleAsync(p => p.DealId == registered.DealId && p.EndedAt == null);
        Assert.Equal(ProtectionBasis.Sale, protection.Basis);
        Assert.True(protection.Until > DateTime.UtcNow.AddMonths(11));
        var shown = await _app.Services.GetRequiredService<DealQueries>().GetAsync(tianhe, registered.DealId.Value);
        Assert.Equal(protection.Until, shown!.CustomerProtectedUntil);
    }

    [Fact]
    public async Task The_one_extension_is_granted_by_the_manager_and_moves_the_protection()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var manager = await TestUsers.ForAsync(_app, "manager@channels.local");
        var registered = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 5), "广州天河五号科技有限公司", "440106"));
        var lifecycle = _app.Services.GetRequiredService<DealLifecycleService>();

        Assert.True((await lifecycle.RequestExtensionAsync(tianhe, registered.DealId!.Value, "客户采购流程延长")).Succeeded);
        Assert.True((await _app.Services.GetRequiredService<DealReviewService>().DecideExtensionAsync(manager, registered.DealId.Value, grant: true, "同意")).Succeeded);
        var again = await lifecycle.RequestExtensionAsync(tianhe, registered.DealId.Value, "再延一次");

        Assert.Equal(DealActionOutcome.NotAllowedNow, again.Outcome);
        Assert.Contains("ExtensionNotYetUsed", again.UnmetGuards);
        await using var db = await _app.CreateContextAsync();
        var protection = await db.CustomerProtections.SingleAsync(p => p.DealId == registered.DealId && p.EndedAt == null);
        Assert.Equal(registered.ProtectedUntil!.Value.AddDays(90), protection.Until);
    }

    [Fact]
    public async Task A_sibling_cannot_act_on_a_deal_it_cannot_see()
    {
        var tianhe = await TestUsers.ForAsync(_app, "tianhe@channels.local");
        var yuexiu = await TestUsers.ForAsync(_app, "yuexiu@channels.local");
        var registered = await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 6), "广州天河六号科技有限公司", "440106"));

        var result = await _app.Services.GetRequiredService<DealLifecycleService>().MarkLostAsync(yuexiu, registered.DealId!.Value);

        Assert.Equal(DealActionOutcome.NotFound, result.Outcome);
        Assert.Null(await _app.Services.GetRequiredService<DealQueries>().GetAsync(yuexiu, registered.DealId.Value));
    }
}
