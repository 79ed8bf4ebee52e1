using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Features.Import;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The import page with the real service on a real database: a chosen file is dry-run at once, and Import stores it only once it is clean.</summary>
public sealed class ImportPageTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public ImportPageTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(ChannelImport));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Fact]
    public async Task A_clean_file_is_reported_ready_and_import_stores_it_with_its_outcome_said()
    {
        var uscc = DealInputs.NewUscc("440106", 9371);
        var page = Render<ImportPage>();
        Assert.True(page.Find("[data-testid='import-submit']").HasAttribute("disabled"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"code,legalName,uscc,tier,territory\r\nIMP-CMP-1,广州组件导入科技有限公司,{uscc},Tier1,440106\r\n", "agents.csv"));

        page.WaitForAssertion(() => Assert.Contains("1 行可以导入", page.Find("[data-testid='import-outcome']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("status", page.Find("[data-testid='import-outcome']").GetAttribute("role"));
        await page.Find("[data-testid='import-submit']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("已导入 1 个代理商", page.Find("[data-testid='import-outcome']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await using var db = await _app.CreateContextAsync();
        Assert.True(await db.Agents.AnyAsync(a => a.Code == "IMP-CMP-1" && a.Uscc == uscc));
        Assert.True(page.Find("[data-testid='import-submit']").HasAttribute("disabled"));
    }
}
