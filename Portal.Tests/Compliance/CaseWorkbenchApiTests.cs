using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Compliance;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Compliance;

/// <summary>
/// The compliance workbench through the API (DESIGN.md §7, §8), on a real database: a public report worked from intake to
/// a lifted suspension, with evidence files, the ladder and an appeal — and who may read what on the way.
/// </summary>
public sealed class CaseWorkbenchApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly byte[] Quote = EvidenceFiles.Pdf("OIS-PRO 报价 2980.00");
    private static readonly byte[] Screenshot = EvidenceFiles.Png();

    [Fact]
    public async Task A_public_report_is_worked_to_a_suspension_that_the_agents_appeal_lifts()
    {
        var prior = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(await UserAsync(Compliance), prior, new Portal.Features.Compliance.PenaltyInput());
        using var anyone = App.CreateClient();
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");

        // Intake: the reporter names the agent in words; Compliance identifies it and investigates.
        using var reported = await anyone.PostAsJsonAsync(Url("/api/v1/violation-reports"), new { subject = "天河那家一级代理", type = "DiscountSelling", description = "OIS-PRO 报价每席位 2980 元。", reporterContact = "13800000000" });
        var id = (await JsonAsync(reported)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await tianhe.GetAsync(Url($"/api/v1/violations/{id}"))).StatusCode);
        var confirmGuard = await StepAsync(compliance, id, "investigate", new { });
        Assert.Equal(("UnderInvestigation", Compliance), (confirmGuard.GetProperty("state").GetString(), confirmGuard.GetProperty("investigator").GetString()));
        var confirm = Action(confirmGuard, "Confirm");
        Assert.False(confirm.GetProperty("allowed").GetBoolean());
        Assert.Equal("TRANSITION_GUARD_NOT_MET", confirm.GetProperty("reasons")[0].GetProperty("code").GetString());
        await StepAsync(compliance, id, "subject", new { agentCode = "t1-tianhe" });

        // Evidence: two files, their hashes come back on download; a PNG called .pdf is refused and stores nothing.
        var quote = await UploadAsync(compliance, id, Quote, "quote.pdf", "客户提供的报价单");
        var shot = await UploadAsync(compliance, id, Screenshot, "chat.png", "微信聊天截图");
        Assert.True(quote.Status == HttpStatusCode.Created, quote.Body.ToString());
        Assert.Equal((EvidenceFiles.Sha256(Quote), "application/pdf"), (quote.Body.GetProperty("sha256").GetString(), quote.Body.GetProperty("contentType").GetString()));
        Assert.Equal(EvidenceFiles.Sha256(Screenshot), shot.Body.GetProperty("sha256").GetString());
        var lying = await UploadAsync(compliance, id, Screenshot, "invoice.pdf", "发票");
        Assert.Equal(HttpStatusCode.BadRequest, lying.Status);
        Assert.Equal("FILE_TYPE_MISMATCH", lying.Body.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(2, await ReadAsync(db => db.EvidenceFiles.CountAsync()));
        Assert.Equal(Quote, await (await compliance.GetAsync(Url($"/api/v1/violations/{id}/evidence/{quote.Body.GetProperty("evidenceId").GetInt32()}"))).Content.ReadAsByteArrayAsync());
        Assert.Equal(Screenshot, await (await compliance.GetAsync(Url($"/api/v1/violations/{id}/evidence/{shot.Body.GetProperty("evidenceId").GetInt32()}"))).Content.ReadAsByteArrayAsync());

        // Decision: confirmed; the ladder counts the earlier case, so the minimum is a Fine.
        await StepAsync(compliance, id, "confirm", new { severe = false, note = "报价单与截图一致。" });
        var preview = await JsonAsync(await compliance.GetAsync(Url($"/api/v1/violations/{id}/penalty-preview")));
        Assert.Equal(("Fine", 2), (preview.GetProperty("minimum").GetString(), preview.GetProperty("countedCases").GetArrayLength()));
        Assert.Equal(prior, preview.GetProperty("countedCases")[0].GetProperty("id").GetInt32());
        using (var milder = await compliance.PostAsJsonAsync(Url($"/api/v1/violations/{id}/penalize"), new { kind = "Warning" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, milder.StatusCode);
            Assert.Equal("PENALTY_BELOW_LADDER", (await JsonAsync(milder)).GetProperty("code").GetString());
        }

        using (var unexplained = await compliance.PostAsJsonAsync(Url($"/api/v1/violations/{id}/penalize"), new { kind = "Suspension" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
            Assert.Equal("REASON_REQUIRED", (await JsonAsync(unexplained)).GetProperty("errors").GetProperty("reason")[0].GetString());
        }

        var penalized = await StepAsync(compliance, id, "penalize", new { kind = "Suspension", reason = "一年内第二次打折销售，且金额较大。" });
        Assert.Equal("Suspension", penalized.GetProperty("penalty").GetProperty("kind").GetString());
        Assert.Equal(ContractStatus.Suspended, (await AgentAsync("T1-TIANHE")).Status);
        using (var blocked = await tianhe.PostAsJsonAsync(Url("/api/v1/deals"), DealBody()))
        {
            var reasons = (await JsonAsync(blocked)).GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString());
            Assert.Contains("AGENT_NOT_ACTIVE", reasons);
        }

        // The agent's reseller reads its case — never the reporter's contact — and appeals within the window.
        var seen = await JsonAsync(await tianhe.GetAsync(Url($"/api/v1/violations/{id}")));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("reporterContact").ValueKind);
        Assert.True(Action(seen, "Appeal").GetProperty("allowed").GetBoolean());
        await StepAsync(tianhe, id, "appeal", new { grounds = "报价单为草稿，客户未收到。" });
        var lifted = await StepAsync(compliance, id, "decide-appeal", new { upheld = false, reason = "经复核，报价单未发给客户。" });

        Assert.Equal("Closed", lifted.GetProperty("state").GetString());
        Assert.True(lifted.GetProperty("penalty").GetProperty("lifted").GetBoolean());
        Assert.Equal(ContractStatus.Active, (await AgentAsync("T1-TIANHE")).Status);
    }

    [Fact]
    public async Task An_appeal_or_its_files_after_the_window_are_refused_with_its_code()
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        var penalty = await Penalties.PenalizeAsync(await UserAsync(Compliance), id, new Portal.Features.Compliance.PenaltyInput());
        Clock.Advance(penalty.Value!.AppealDeadline - Now + TimeSpan.FromMinutes(1));
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");

        using var late = await tianhe.PostAsJsonAsync(Url($"/api/v1/violations/{id}/appeal"), new { grounds = "迟到的申诉。" });

        var lateFile = await UploadAsync(tianhe, id, Quote, "quote.pdf", "迟到的证据");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("APPEAL_WINDOW_CLOSED", (await JsonAsync(late)).GetProperty("code").GetString());
        Assert.Equal((HttpStatusCode.Conflict, "APPEAL_WINDOW_CLOSED"), (lateFile.Status, lateFile.Body.GetProperty("code").GetString()));
        Assert.Equal(CaseState.Penalized, await ReadAsync(db => db.ViolationCases.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Another_agents_reseller_finds_neither_the_case_nor_its_evidence()
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);
        var evidence = (await UploadAsync(compliance, id, Quote, "quote.pdf", "报价单")).Body.GetProperty("evidenceId").GetInt32();
        using var sz = await SignInClient.WithTokenAsync(App, "sz@channels.local");
        using var gz = await SignInClient.WithTokenAsync(App, "gz@channels.local");

        Assert.Equal(HttpStatusCode.NotFound, (await sz.GetAsync(Url($"/api/v1/violations/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sz.GetAsync(Url($"/api/v1/violations/{id}/evidence/{evidence}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(sz, id, Quote, "quote.pdf", "反证")).Status);

        // The parent reads its sub-agent's case and its files, but it is not its case to appeal or add to.
        Assert.Equal(Quote, await (await gz.GetAsync(Url($"/api/v1/violations/{id}/evidence/{evidence}"))).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(gz, id, Quote, "quote.pdf", "反证")).Status);
    }

    [Fact]
    public async Task A_case_not_yet_confirmed_does_not_exist_for_the_agents_nor_its_parents_resellers()
    {
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);
        using var tianhe = await SignInClient.WithTokenAsync(App, "tianhe@channels.local");
        using var gz = await SignInClient.WithTokenAsync(App, "gz@channels.local");
        var opened = await JsonAsync(await compliance.PostAsJsonAsync(Url("/api/v1/violations"), new { subjectAgentCode = "T1-TIANHE", type = "Other", description = "尚在核实。" }));
        var id = opened.GetProperty("id").GetInt32();

        using var appeal = await tianhe.PostAsJsonAsync(Url($"/api/v1/violations/{id}/appeal"), new { grounds = "试探。" });
        using var parentAppeal = await gz.PostAsJsonAsync(Url($"/api/v1/violations/{id}/appeal"), new { grounds = "试探。" });
        var file = await UploadAsync(tianhe, id, Quote, "quote.pdf", "试探");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (appeal.StatusCode, parentAppeal.StatusCode, file.Status));
    }

    [Fact]
    public async Task A_case_list_asked_about_a_day_no_case_can_have_is_a_field_error()
    {
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);

        using var response = await compliance.GetAsync(Url("/api/v1/violations?openedTo=9999-12-31"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("openedTo", out _));
    }

    [Theory]
    [InlineData("notes.zip", "FILE_TYPE_NOT_ALLOWED")]
    [InlineData("big.pdf", "FILE_TOO_LARGE")]
    [InlineData("empty.pdf", "REQUIRED")]
    public async Task A_file_that_cannot_be_evidence_is_refused_and_stores_nothing(string fileName, string code)
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        using var compliance = await SignInClient.WithTokenAsync(App, Compliance);
        var content = fileName switch
        {
            "notes.zip" => EvidenceFiles.Zip(),
            "big.pdf" => [.. Quote, .. new byte[Service<Portal.Domain.Policy.ChannelPolicy>().Evidence.MaxBytes]],
            _ => [],
        };

        var refused = await UploadAsync(compliance, id, content, fileName, "附件");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(code, refused.Body.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await ReadAsync(db => db.Set<CaseEvidence>().CountAsync()));
    }

    private static object DealBody() => new
    {
        customer = new { uscc = DealInputs.NewUscc("440106", 7301), name = "广州停牌测试科技有限公司", regionCode = "440106", segment = "GovernmentEnterprise" },
        lines = new[] { new { sku = "OIS-PRO", quantity = 5, unitPrice = 3980.00m } },
        expectedCloseDate = TestTime.Today.AddDays(30),
    };

    private static JsonElement Action(JsonElement detail, string name) =>
        detail.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == name);

    private static async Task<JsonElement> StepAsync(HttpClient client, int id, string step, object body)
    {
        using var response = await client.PostAsJsonAsync(Url($"/api/v1/violations/{id}/{step}"), body);
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {json}");
        return json;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient client, int id, byte[] content, string fileName, string description)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(description), "description");
        using var response = await client.PostAsync(Url($"/api/v1/violations/{id}/evidence"), form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
