using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Features.Operations;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Api;

/// <summary>
/// Imports of agents and customers (ADR 30) through the API: a dry run lists every bad row with its column and code and
/// stores nothing; importing a file with any bad row is refused whole (409, nothing stored); a clean file imports every
/// row through the signing and protection rules, audited once with the file's SHA-256 — in xlsx and CSV, with headers in
/// either language, Chinese names intact.
/// </summary>
public sealed class ImportApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private const string AgentHeader = "Code,Legal name,USCC,Tier,Parent code,Territory";

    [Fact]
    public async Task A_dry_run_of_a_mixed_agent_file_lists_each_bad_row_and_its_code_and_importing_it_is_refused_whole()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var csv = Csv(
            AgentHeader,
            $"IMP-A1,广州导入甲科技有限公司,{DealInputs.NewUscc("440106", 9301)},Tier1,CORE-GZ,440106",
            "IMP-A2,广州导入乙科技有限公司,91440106MA5P00000X,Tier1,CORE-GZ,440106",
            $"IMP-A3,广州导入丙科技有限公司,{DealInputs.NewUscc("440106", 9303)},Tier2,CORE-GZ,999999",
            $"IMP-A1,广州导入丁科技有限公司,{DealInputs.NewUscc("440106", 9304)},Tier1,CORE-GZ,440106",
            $"IMP-A5,佛山导入戊科技有限公司,{DealInputs.NewUscc("440600", 9305)},Core,CORE-GZ,440600",
            $"CORE-SZ,深圳导入己科技有限公司,{DealInputs.NewUscc("440300", 9306)},Tier1,,440300");

        using var dryRun = await PostAsync(manager, "agents?dryRun=true", csv, "agents.csv");

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var report = await JsonAsync(dryRun);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.Equal(6, report.GetProperty("rows").GetInt32());
        var problems = Problems(report);
        Assert.Contains((3, "uscc", "INVALID_USCC"), problems);
        Assert.Contains((4, "territory", "INVALID_REGION"), problems);
        Assert.Contains((5, "code", "DUPLICATE_IN_FILE"), problems);
        Assert.Contains((6, "tier", "RECRUIT_TIER_TOO_HIGH"), problems);
        Assert.Contains((6, "territory", "TERRITORY_NOT_WITHIN_PARENT"), problems);
        Assert.Contains((7, "code", "AGENT_CODE_TAKEN"), problems);
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.All(report.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString())));
        Assert.False(await ReadAsync(db => db.Agents.AnyAsync(a => a.Code == "IMP-A1")));

        using var import = await PostAsync(manager, "agents", csv, "agents.csv");

        Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        var fields = (await JsonAsync(import)).GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.Contains(("INVALID_USCC", "rows[3].uscc"), fields);
        Assert.Contains(("DUPLICATE_IN_FILE", "rows[5].code"), fields);
        Assert.False(await ReadAsync(db => db.Agents.AnyAsync(a => a.Code == "IMP-A1")));
        Assert.DoesNotContain(await AuditAsync(), e => e.Action == "ImportCompleted");
    }

    [Fact]
    public async Task A_clean_xlsx_with_chinese_headers_signs_every_agent_under_its_parent_row_and_is_audited_once_with_its_sha256()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var xlsx = Workbook(
            new Dictionary<string, object?> { ["编码"] = "IMP-CORE-X", ["企业名称"] = "广州导入核心科技有限公司", ["统一社会信用代码"] = DealInputs.NewUscc("440100", 9311), ["级别"] = "核心代理", ["上级代理商编码"] = null, ["授权区域"] = "440100" },
            new Dictionary<string, object?> { ["编码"] = "IMP-T1-X", ["企业名称"] = "广州导入一级科技有限公司", ["统一社会信用代码"] = DealInputs.NewUscc("440106", 9312), ["级别"] = "Tier1", ["上级代理商编码"] = "IMP-CORE-X", ["授权区域"] = 440106 });

        using var response = await PostAsync(manager, "agents", xlsx, "代理商.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonAsync(response);
        Assert.True(report.GetProperty("imported").GetBoolean());
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(xlsx));
        Assert.Equal(sha256, report.GetProperty("sha256").GetString());
        var core = await ReadAsync(db => db.Agents.SingleAsync(a => a.Code == "IMP-CORE-X"));
        var child = await ReadAsync(db => db.Agents.SingleAsync(a => a.Code == "IMP-T1-X"));
        Assert.Equal(("广州导入核心科技有限公司", AgentTier.Core, ContractStatus.Active, (int?)null), (core.LegalName, core.Tier, core.Status, core.ParentId));
        Assert.Equal(("广州导入一级科技有限公司", AgentTier.Tier1, ContractStatus.Active, (int?)core.Id), (child.LegalName, child.Tier, child.Status, child.ParentId));
        using var tree = await manager.GetAsync(Url("/api/v1/agents/IMP-CORE-X"));
        Assert.Equal(1, (await JsonAsync(tree)).GetProperty("subAgents").GetInt32());

        var entries = (await AuditAsync()).Where(e => e.Action == "ImportCompleted").ToList();
        var entry = Assert.Single(entries);
        Assert.Equal((Manager, "Import", "Agents"), (entry.Actor, entry.EntityType, entry.EntityId));
        Assert.Contains(sha256, entry.After!, StringComparison.Ordinal);
        Assert.Equal(entry.Sequence, report.GetProperty("auditSequence").GetInt64());
        Assert.DoesNotContain(await AuditAsync(), e => e.Action == "AgentSignedDirectly" && e.After!.Contains("IMP-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Customers_imported_from_the_chinese_csv_template_are_stored_and_a_holder_protects_its_customer_for_a_registrations_period_until_the_job_frees_it()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        manager.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        using var template = await manager.GetAsync(Url("/api/v1/imports/customers/template?format=csv"));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var header = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').TrimEnd();
        Assert.StartsWith("统一社会信用代码 (uscc),企业名称 (legalName),所在区域代码 (regionCode)", header, StringComparison.Ordinal);
        var protectedUscc = DealInputs.NewUscc("440106", 9321);
        var freeUscc = DealInputs.NewUscc("440106", 9322);
        var csv = Csv(header, $"{protectedUscc},广州导入客户甲有限公司,440106,,t1-tianhe", $"{freeUscc},广州导入客户乙有限公司,440106,家庭,");

        using var response = await PostAsync(manager, "customers", csv, "customers.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await JsonAsync(response)).GetProperty("rows").GetInt32());
        var customers = await ReadAsync(db => db.Customers.Where(c => c.Uscc == protectedUscc || c.Uscc == freeUscc).ToDictionaryAsync(c => c.Uscc));
        Assert.Equal(("广州导入客户甲有限公司", CustomerSegment.GovernmentEnterprise), (customers[protectedUscc].LegalName, customers[protectedUscc].Segment));
        Assert.Equal(CustomerSegment.Household, customers[freeUscc].Segment);
        var protection = await ReadAsync(db => db.CustomerProtections.SingleAsync(p => p.CustomerId == customers[protectedUscc].Id));
        Assert.Equal((await AgentIdAsync("T1-TIANHE"), ProtectionBasis.Imported, true), (protection.AgentId, protection.Basis, protection.IsOpen));
        Assert.True(protection.Until > Now.AddDays(30));
        Assert.False(await ReadAsync(db => db.CustomerProtections.AnyAsync(p => p.CustomerId == customers[freeUscc].Id)));
        Assert.Contains(await AuditAsync(), e => e.Action == "ImportCompleted" && e.EntityId == "Customers");

        // Nothing but the period ends an imported protection: the expiry job frees the customer at its end.
        await Service<ExpiryJob>().RunAsync(protection.Until);
        Assert.Equal((ProtectionEnd?)ProtectionEnd.Expired, (await ReadAsync(db => db.CustomerProtections.SingleAsync(p => p.Id == protection.Id))).EndReason);
    }

    [Fact]
    public async Task A_dry_run_of_customers_names_duplicates_unknown_regions_and_holders_the_protection_rules_refuse()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var good = DealInputs.NewUscc("440106", 9331);
        var csv = Csv(
            "uscc,legalName,regionCode,holderCode",
            $"{good},广州导入客户丙有限公司,440106,T1-TIANHE",
            $"{CustomerUscc("天河软件园")},广州天河软件园科技有限公司,440106,",
            $"{DealInputs.NewUscc("440106", 9333)},广州导入客户丁有限公司,999999,",
            $"{DealInputs.NewUscc("440305", 9334)},深圳导入客户戊有限公司,440305,T1-TIANHE",
            $"{good},广州导入客户丙有限公司,440106,",
            $"{DealInputs.NewUscc("440106", 9336)},广州导入客户己有限公司,440106,NO-SUCH");

        using var dryRun = await PostAsync(manager, "customers?dryRun=true", csv, "customers.csv");

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var problems = Problems(await JsonAsync(dryRun));
        Assert.Equal(
            [(3, "uscc", "ALREADY_EXISTS"), (4, "regionCode", "INVALID_REGION"), (5, "regionCode", "OUT_OF_TERRITORY"), (6, "uscc", "DUPLICATE_IN_FILE"), (7, "holderCode", "UNKNOWN_AGENT")],
            problems);

        using var import = await PostAsync(manager, "customers", csv, "customers.csv");

        Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        Assert.False(await ReadAsync(db => db.Customers.AnyAsync(c => c.Uscc == good)));
    }

    [Fact]
    public async Task A_header_the_template_does_not_have_and_a_missing_column_are_the_files_problems_and_the_templates_come_in_both_formats()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        manager.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var bad = await PostAsync(manager, "customers?dryRun=true", Csv("USCC,Legal name,Colour", "x,y,z"), "odd.csv");
        using var xlsx = await manager.GetAsync(Url("/api/v1/imports/agents/template?format=xlsx"));
        using var pdf = await manager.GetAsync(Url("/api/v1/imports/agents/template?format=pdf"));

        var problems = Problems(await JsonAsync(bad));
        Assert.Equal([(1, null, "UNKNOWN_COLUMN"), (1, "regionCode", "MISSING_COLUMN")], problems);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var headers = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["Code (code)", "Legal name (legalName)", "USCC (uscc)", "Tier (tier)"], headers.Take(4));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
    }

    [Fact]
    public async Task A_file_longer_than_one_batch_imports_every_row_and_protects_every_customer()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var usccs = Enumerable.Range(9400, 250).Select(n => DealInputs.NewUscc("440106", n)).ToList();
        var csv = Csv(["uscc,legalName,regionCode,holderCode", .. usccs.Select((u, i) => $"{u},广州批量导入客户{i}有限公司,440106,T1-TIANHE")]);

        using var response = await PostAsync(manager, "customers", csv, "many.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(250, (await JsonAsync(response)).GetProperty("rows").GetInt32());
        var tianhe = await AgentIdAsync("T1-TIANHE");
        Assert.Equal(250, await ReadAsync(db => db.CustomerProtections.CountAsync(p => p.AgentId == tianhe && p.Basis == ProtectionBasis.Imported && p.EndedAt == null)));
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var output = new MemoryStream();
        MiniExcel.SaveAs(output, rows);
        return output.ToArray();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] file, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync(Url("/api/v1/imports/" + path), form);
    }

    private static List<(int? Row, string? Column, string? Code)> Problems(JsonElement report) =>
        [.. report.GetProperty("problems").EnumerateArray().Select(p => (
            p.GetProperty("row").ValueKind == JsonValueKind.Null ? (int?)null : p.GetProperty("row").GetInt32(),
            p.GetProperty("column").GetString(),
            p.GetProperty("code").GetString()))];
}
