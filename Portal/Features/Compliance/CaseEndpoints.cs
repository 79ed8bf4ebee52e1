using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Compliance;
using Portal.Domain.Policy;
using Portal.Localization;

namespace Portal.Features.Compliance;

/// <summary>An action on a case with whether the case allows it now and, if not, the unmet guards' sentences.</summary>
public sealed record CaseActionResponse(CaseAction Action, bool Allowed, IReadOnlyList<ReasonMessage> Reasons);

/// <summary>A piece of evidence; <c>contentType</c>, <c>size</c> and the download exist when its file is stored.</summary>
public sealed record EvidenceResponse(int Id, string Description, string? FileName, string? ContentType, long? Size, string? Sha256, DateTime AddedAt, string AddedBy);

/// <summary>A case as its page shows it, with the actions the caller may take now (DESIGN.md §7).</summary>
public sealed record CaseResponse(
    int Id,
    ViolationType Type,
    CaseState State,
    CaseSource Source,
    string? SubjectAgentCode,
    string? SubjectAgentName,
    string? SubjectText,
    string Description,
    string? ReporterContact,
    bool Severe,
    string? Investigator,
    int? DealId,
    int? SalesReportId,
    DateTime OpenedAt,
    DateTime? ConfirmedAt,
    DateTime? ClosedAt,
    PenaltyView? Penalty,
    IReadOnlyList<EvidenceResponse> Evidence,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<CaseActionResponse> Actions);

/// <summary>The investigator to assign (an enabled Compliance account's e-mail); the caller when absent.</summary>
public sealed record InvestigateBody(string? Investigator);

/// <summary>The agent a public report is about, by its code.</summary>
public sealed record SubjectBody(string? AgentCode);

/// <summary>A note for the case's timeline.</summary>
public sealed record NoteBody(string? Text);

/// <summary>Confirmation: whether the case is Severe (straight to disqualification on the ladder), and a note.</summary>
public sealed record ConfirmBody(bool? Severe, string? Note);

/// <summary>Why the case is dismissed.</summary>
public sealed record DismissBody(string? Reason);

/// <summary>The appellant's written grounds.</summary>
public sealed record AppealBody(string? Grounds);

/// <summary>The appeal's outcome: upheld (the penalty stands) or not (it is lifted), with the reason.</summary>
public sealed record AppealDecisionBody(bool? Upheld, string? Reason);

/// <summary>
/// The compliance workbench for integrations (DESIGN.md §7, §8): a case by hand, its full record, every step of its machine
/// as <c>POST /violations/{id}/{action}</c>, evidence files in and out, and the penalty preview — each over the same
/// service as the case page. A step answers 200 with the case, or 409 with the code of the rule or guard that refused.
/// </summary>
public static class CaseEndpoints
{
    /// <summary>What a multipart request may carry beyond the file itself (the description, the boundaries).</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = api.MapGroup("/violations").WithTags("Violations");

        cases.MapPost(string.Empty, async (ManualCaseInput body, HttpContext http, ViolationCaseService service, ViolationCaseQueries queries, CancellationToken ct) =>
                await CreatedAsync(http, queries, await service.OpenCaseAsync(User(http), body, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.OpenCases)
            .WithName("OpenViolationCase")
            .WithSummary("Open a case by hand against a known agent (source Manual, state Reported); severity is decided at confirmation")
            .WithRequestExample(new ManualCaseInput("T1-TIANHE", nameof(ViolationType.CrossRegion), "巡查发现在深圳南山区投标，无跨区授权。"))
            .Produces<CaseResponse>(StatusCodes.Status201Created);

        cases.MapGet("/{id:int}", async (int id, HttpContext http, ViolationCaseQueries queries, CancellationToken ct) =>
                await queries.GetAsync(User(http), id, ct).ConfigureAwait(false) is { } found
                    ? TypedResults.Ok(ToResponse(http, found))
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.ReadCases)
            .WithName("GetViolation")
            .WithSummary("One case with evidence, notes, penalty and the actions the caller may take now; a reseller reads its agent's cases from Confirmed on, never the reporter's contact")
            .Produces<CaseResponse>();

        MapStep<InvestigateBody>(cases, "investigate", "StartInvestigation", "Reported → UnderInvestigation, assigned to an investigator", new(null),
            (s, _, user, id, body, ct) => s.Cases.StartInvestigationAsync(user, id, body.Investigator, ct));
        MapStep<SubjectBody>(cases, "subject", "IdentifyCaseSubject", "Name the agent a public report is about (until the case is decided)", new("T1-TIANHE"),
            (s, _, user, id, body, ct) => s.Cases.IdentifySubjectAsync(user, id, body.AgentCode, ct));
        MapStep<NoteBody>(cases, "notes", "AddCaseNote", "Add a note to the case's timeline", new("已电话联系举报人核实报价单。"),
            (s, _, user, id, body, ct) => s.Cases.AddNoteAsync(user, id, body.Text, ct));
        MapStep<ConfirmBody>(cases, "confirm", "ConfirmViolation", "UnderInvestigation → Confirmed once the subject is identified; Severe goes straight to disqualification", new(false, "报价单与客户证词一致。"),
            (s, _, user, id, body, ct) => s.Cases.ConfirmAsync(user, id, body.Severe ?? false, body.Note, ct));
        MapStep<DismissBody>(cases, "dismiss", "DismissViolation", "UnderInvestigation → Dismissed, with the reason", new("报价单系伪造。"),
            (s, _, user, id, body, ct) => s.Cases.DismissAsync(user, id, body.Reason, ct));
        MapStep<PenaltyInput>(cases, "penalize", "PenalizeViolation", "Confirmed → Penalized: the ladder's minimum, or harsher with a reason (milder: PENALTY_BELOW_LADDER); a suspension or disqualification takes effect at once", new(nameof(PenaltyKind.Warning)),
            async (s, _, user, id, body, ct) => (await s.Penalties.PenalizeAsync(user, id, body, ct).ConfigureAwait(false)).Map(o => new CaseChange(o.CaseId, o.State)));
        MapStep<AppealBody>(cases, "appeal", "AppealPenalty", "Penalized → Appealed within the appeal window, by the subject agent's reseller (APPEAL_WINDOW_CLOSED after)", new("报价单为草稿，未实际成交。"),
            (s, _, user, id, body, ct) => s.Penalties.AppealAsync(user, id, body.Grounds, ct), PortalPolicies.Appeal);
        MapStep<AppealDecisionBody>(cases, "decide-appeal", "DecideAppeal", "Appealed → Closed: the penalty upheld or lifted (a lifted suspension reinstates the agent; a disqualification is never lifted)", new(false, "经复核，报价单未发给客户。"),
            (s, _, user, id, body, ct) => s.Penalties.DecideAppealAsync(user, id, body.Upheld, body.Reason, ct));

        cases.MapPost("/{id:int}/close", async (int id, HttpContext http, CaseServices services, CancellationToken ct) =>
                await ChangedAsync(http, services.Queries, await services.Penalties.CloseAsync(User(http), id, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.WorkCases)
            .WithName("CloseViolation")
            .WithSummary("Penalized → Closed once the appeal window has passed without an appeal")
            .Produces<CaseResponse>()
            .Refuses(StatusCodes.Status409Conflict);

        var evidenceLimit = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<ChannelPolicy>().Evidence.MaxBytes + MultipartOverhead;
        cases.MapPost("/{id:int}/evidence", AddEvidenceAsync)
            .RequireAuthorization(PortalPolicies.Appeal)
            .DisableAntiforgery()
            .WithRequestBodyLimit(evidenceLimit)
            .WithName("AddCaseEvidence")
            .WithSummary("File evidence: multipart/form-data with a file (image, PDF, xlsx, docx, CSV or text; type told from the content; at most Evidence:MaxBytes) and a description")
            .Produces<EvidenceAdded>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:int}/evidence/{evidenceId:int}", async (int id, int evidenceId, HttpContext http, CaseEvidenceService evidence, CancellationToken ct) =>
                await evidence.OpenAsync(User(http), id, evidenceId, ct).ConfigureAwait(false) is { } file
                    ? DownloadOf(http, file)
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.ReadCases)
            .WithName("DownloadCaseEvidence")
            .WithSummary("An evidence file, byte for byte, as an attachment (its kind is in the case's evidence list), with its SHA-256 in the ETag; 404 for whoever may not read the case")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream");

        cases.MapGet("/{id:int}/penalty-preview", async (int id, [FromQuery(Name = "kind"), Description("The penalty to look at; the ladder's minimum when absent. A Disqualification shows its cascade.")] PenaltyKind? kind, HttpContext http, PenaltyService penalties, CancellationToken ct) =>
                (await penalties.PreviewAsync(User(http), id, kind, ct).ConfigureAwait(false)).ToHttp(http, p => TypedResults.Ok(p)))
            .RequireAuthorization(PortalPolicies.WorkCases)
            .WithName("PreviewPenalty")
            .WithSummary("The ladder's minimum, the confirmed cases it counted and, for a disqualification, the cascade it would run; nothing changes")
            .Produces<PenaltyPreview>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>
    /// The portal's own download of an evidence file (signed in with the portal's cookie, not a token), for the links of
    /// the case page; the same service and the same 404 for whoever may not read the case.
    /// </summary>
    public static IEndpointRouteBuilder MapEvidenceDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DownloadPath("{id:int}", "{evidenceId:int}"), async (int id, int evidenceId, HttpContext http, CaseEvidenceService evidence, CancellationToken ct) =>
                await evidence.OpenAsync(User(http), id, evidenceId, ct).ConfigureAwait(false) is { } file ? (IResult)DownloadOf(http, file) : TypedResults.NotFound())
            .RequireAuthorization(PortalPolicies.ReadCases)
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Where the case page links an evidence file.</summary>
    public static string DownloadPath(object caseId, object evidenceId) => $"/cases/{caseId}/evidence/{evidenceId}/file";

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    // One step of the case's machine: POST /violations/{id}/{step} with its body, answered with the case.
    private static void MapStep<TBody>(
        RouteGroupBuilder cases, string step, string operation, string summary, TBody example,
        Func<CaseServices, HttpContext, CurrentUser, int, TBody, CancellationToken, Task<UseCaseResult<CaseChange>>> take,
        string policy = PortalPolicies.WorkCases)
        where TBody : class =>
        cases.MapPost($"/{{id:int}}/{step}", async (int id, TBody body, HttpContext http, CaseServices services, CancellationToken ct) =>
                await ChangedAsync(http, services.Queries, await take(services, http, User(http), id, body, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            .RequireAuthorization(policy)
            .WithName(operation)
            .WithSummary(summary)
            .WithRequestExample(example)
            .Produces<CaseResponse>()
            .Refuses(StatusCodes.Status409Conflict);

    private static async Task<IResult> ChangedAsync(HttpContext http, ViolationCaseQueries queries, UseCaseResult<CaseChange> result, CancellationToken ct) =>
        result.Succeeded && await queries.GetAsync(User(http), result.Value!.CaseId, ct).ConfigureAwait(false) is { } found
            ? TypedResults.Ok(ToResponse(http, found))
            : result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));

    private static async Task<IResult> CreatedAsync(HttpContext http, ViolationCaseQueries queries, UseCaseResult<CaseChange> result, CancellationToken ct) =>
        result.Succeeded && await queries.GetAsync(User(http), result.Value!.CaseId, ct).ConfigureAwait(false) is { } found
            ? TypedResults.Created($"/api/v1/violations/{found.Id}", ToResponse(http, found))
            : result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));

    private static async Task<IResult> AddEvidenceAsync(
        int id,
        [FromForm(Name = "file"), Description("The evidence file.")] IFormFile? file,
        [FromForm(Name = "description"), Description("What the file shows (1–2000 characters).")] string? description,
        HttpContext http,
        CaseEvidenceService evidence,
        CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var result = await evidence.AddAsync(User(http), id, new EvidenceUpload(description, file?.FileName, content), ct).ConfigureAwait(false);
        return result.ToHttp(http, e => TypedResults.Created($"/api/v1/violations/{id}/evidence/{e.EvidenceId}", e));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult DownloadOf(HttpContext http, EvidenceDownload file)
    {
        // Always an attachment of bytes: a browser never renders what a reporter or an agent uploaded.
        http.Response.Headers.ETag = $"\"{file.Sha256}\"";
        return TypedResults.File(file.Content, "application/octet-stream", file.FileName);
    }

    private static CaseResponse ToResponse(HttpContext http, CaseDetail c)
    {
        var localizer = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        return new CaseResponse(
            c.Id, c.Type, c.State, c.Source, c.SubjectAgentCode, c.SubjectAgentName, c.SubjectText, CaseText.Description(localizer, c), c.ReporterContact, c.Severe,
            c.Investigator, c.DealId, c.SalesReportId, c.OpenedAt, c.ConfirmedAt, c.ClosedAt, c.Penalty,
            [.. c.Evidence.Select(e => new EvidenceResponse(e.Id, e.Description, e.FileName, e.ContentType, e.Size, e.Sha256, e.AddedAt, e.AddedBy))],
            c.Notes,
            [.. c.Actions.Select(a => new CaseActionResponse(a.Action, a.IsAllowed, ApiProblems.Guards(http, a.UnmetGuards)))]);
    }
}

/// <summary>The services a case step may need, resolved together for the step endpoints.</summary>
public sealed record CaseServices(ViolationCaseService Cases, PenaltyService Penalties, ViolationCaseQueries Queries);
