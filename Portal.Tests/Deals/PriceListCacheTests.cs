using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

/// <summary>
/// The price list is kept in memory between registrations; a price version or product added to the database — by
/// this portal or by anyone else — applies to the very next registration.
/// </summary>
public sealed class PriceListCacheTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private DealRegistrationService Registrations => Service<DealRegistrationService>();

    [Fact]
    public async Task A_new_price_version_and_a_new_product_apply_to_the_next_registration()
    {
        var tianhe = await UserAsync(Tianhe);
        var first = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 31), "广州天河价格一号科技有限公司", "440106", unitPrice: 3980.00m))).Value!;
        Assert.Equal(DealStatus.Approved, first.Status);

        await using (var db = await DbAsync())
        {
            var product = await db.Products.Include(p => p.Prices).SingleAsync(p => p.Sku == "OIS-PRO");
            product.SetUniformPrice(4200.00m, Now.AddMinutes(-1));
            var added = new Product("OIS-NEW", "新产品", "New product", "套", "set");
            added.SetUniformPrice(100.00m, Now.AddMinutes(-1));
            db.Products.Add(added);
            await db.SaveChangesAsync();
        }

        var oldPrice = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 32), "广州天河价格二号科技有限公司", "440106", unitPrice: 3980.00m))).Value!;
        var newPrice = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 33), "广州天河价格三号科技有限公司", "440106", unitPrice: 4200.00m))).Value!;
        var newProduct = (await Registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 34), "广州天河价格四号科技有限公司", "440106", sku: "OIS-NEW", unitPrice: 100.00m))).Value!;

        Assert.Contains(oldPrice.Reasons, r => r.Code == ReasonCode.PriceNotUniform);
        Assert.Equal(DealStatus.Approved, newPrice.Status);
        Assert.Equal(DealStatus.Approved, newProduct.Status);
    }
}
