using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Api;
using Portal.Auth;
using Portal.Features.Exports;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Features.Admin;
using Portal.Features.Recruitment;

namespace Portal.Features.Agents;

public sealed record AgentListItem(string Code, string LegalName, AgentTier Tier, ContractStatus Status, string? ParentCode, IReadOnlyList<string> Territory, DateOnly? ContractEnd);

/// <summary>
/// One page of the list. <c>TotalCount</c> is exact, or — when <c>TotalIsLowerBound</c> is true — a lower bound: a list
/// is counted only up to 1 000 rows, so a larger one reports 1 000 and true.
/// </summary>
public sealed record AgentListResponse(IReadOnlyList<AgentListItem> Items, int TotalCount, int Page, int PageSize, bool TotalIsLowerBound);

/// <summary>An agent of the hierarchy: enough to draw a tree node, and how many sub-agents it has.</summary>
public sealed record AgentNodeResponse(string Code, string LegalName, AgentTier Tier, ContractStatus Status, int ChildCount);

/// <summary>One page of an agent's direct sub-agents (highest tier first, then by code), and whether more follow.</summary>
public sealed record AgentChildrenResponse(IReadOnlyList<AgentNodeResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>An action on an agent's contract with whether its machine allows it now and, if not, why.</summary>
public sealed record AgentActionResponse(AgentAction Action, bool Allowed, IReadOnlyList<ReasonMessage> Reasons);

/// <summary>An agent's profile (DESIGN.md §7): contract, tier, parent, territory, counts, and the contract actions allowed now.</summary>
public sealed record AgentResponse(
    string Code,
    string LegalName,
    string Uscc,
    AgentTier Tier,
    string? ParentCode,
    IReadOnlyList<string> Territory,
    AgentContract Contract,
    AgentContacts Contacts,
    int SubAgents,
    IReadOnlyList<string> SubAgentCodes,
    int ProtectedCustomers,
    int Deals,
    int Authorizations,
    IReadOnlyList<AgentActionResponse> Actions);

/// <summary>A portal account created for an agent, with its initial password — shown this once.</summary>
public sealed record AgentUserResponse(string Email, string InitialPassword);

/// <summary>
/// An agent the vendor signs directly (DESIGN.md §2.2, §7): any tier, vendor-signed or under the parent named (then the
/// recruitment rules judge the parent as the recruiter), Active for the contract period (both days included).
/// </summary>
public sealed record SignAgentBody(
    string? Code,
    string? LegalName,
    string? Uscc,
    AgentTier? Tier,
    string? ParentCode,
    IReadOnlyList<string>? Territory,
    DateOnly? ContractStart,
    DateOnly? ContractEnd,
    AgentContacts? Contacts)
{
    public DirectSigningInput ToInput() => new()
    {
        Code = Code,
        LegalName = LegalName,
        Uscc = Uscc,
        Tier = Tier,
        ParentCode = ParentCode,
        Territory = Territory ?? [],
        ContractStart = ContractStart,
        ContractEnd = ContractEnd,
        ContactName = Contacts?.Name,
        ContactPhone = Contacts?.Phone,
        ContactEmail = Contacts?.Email,
    };
}

/// <summary>A new tier, and why.</summary>
public sealed record TierBody(AgentTier? Tier, string? Reason);

/// <summary>The whole new territory (region codes), and why.</summary>
public sealed record TerritoryBody(IReadOnlyList<string>? Regions, string? Reason);

/// <summary>A renewal's last day (both days included) and, optionally, its first (today when absent).</summary>
public sealed record RenewBody(DateOnly? Until, DateOnly? Start = null);

/// <summary>Why the agent leaves the program.</summary>
public sealed record TerminateBody(string? Reason);

/// <summary>
/// The channel's agents for integrations (DESIGN.md §7), over the same services as the agent's page: the list and a
/// profile for vendor staff; a channel manager's regrading and contract steps, 409 with the code when a rule or the
/// contract machine refuses (a sub-agent's tier or territory names the child).
/// </summary>
public static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgentEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var agents = api.MapGroup("/agents").WithTags("Agents");

        agents.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(PortalPolicies.ReadAgents)
            .WithName("ListAgents")
            .WithSummary("The channel's agents, paged (from 0), filtered and sorted in the database")
            .Produces<AgentListResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        api.MapGet("/sub-agents/export", ExportSubAgents)
            .WithTags("Agents")
            .RequireAuthorization(AgentExport.SubAgentsPolicy)
            .DescribedAsExport("ExportSubAgents", "A Strategic or Core reseller's sub-agents, its whole subtree level by level, as a CSV or Excel file streamed row by row");

        agents.MapGet("/export", Export)
            .RequireAuthorization(AgentExport.Policy)
            .DescribedAsExport("ExportAgents", "The channel's agents, filtered and sorted as the list, as a CSV or Excel file streamed row by row");

        agents.MapPost(string.Empty, SignAsync)
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("SignAgent")
            .WithSummary("Sign an agent directly (any tier; vendor-signed or under a named parent, which must be allowed to recruit it); 201 with its profile")
            .WithRequestExample(new SignAgentBody(
                "T1-PANYU", "广州番禺示例科技有限公司", Uscc.Create('9', '1', "440113", "MA5P0001").Value, AgentTier.Tier1, "CORE-GZ", ["440113"],
                new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new AgentContacts("李娜", "020-12345678", "li.na@panyu.example.cn")))
            .Produces<AgentResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        agents.MapGet("/{code}", async (string code, HttpContext http, AgentDetails details, AgentActivityQueries activity, CancellationToken ct) =>
                await details.GetByCodeAsync(User(http), code, ct).ConfigureAwait(false) is { } agent
                    ? TypedResults.Ok(ToResponse(http, agent, await activity.OfAsync(User(http), agent.Id, ct).ConfigureAwait(false)))
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.ReadAgents)
            .WithName("GetAgent")
            .WithSummary("One agent's profile with its contract, grade, parent, sub-agents and the contract actions allowed now")
            .Produces<AgentResponse>();

        agents.MapGet("/{code}/children", ChildrenAsync)
            .RequireAuthorization(PortalPolicies.ReadAgents)
            .WithName("ListAgentChildren")
            .WithSummary("One page of an agent's direct sub-agents, each with its number of sub-agents (a tree loaded a level at a time)")
            .Produces<AgentChildrenResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        MapStep<TierBody>(agents, "tier", "ChangeAgentTier", "A new tier, with the reason; refused naming the parent or sub-agent the hierarchy rules protect", new(AgentTier.Core, "年度评级上调。"),
            (admin, user, id, body, ct) => admin.ChangeAsync(user, id, new AgentChangeInput { Tier = body.Tier, Reason = body.Reason }, ct));
        MapStep<TerritoryBody>(agents, "territory", "ChangeAgentTerritory", "The whole new territory, with the reason; refused naming the parent or sub-agent whose territory it would break", new(["440100", "440300"], "新增深圳市。"),
            (admin, user, id, body, ct) => admin.ChangeAsync(user, id, new AgentChangeInput { Territory = body.Regions ?? [], Reason = body.Reason }, ct));
        MapStep<RenewBody>(agents, "renew", "RenewAgent", "Expired → Active with a new contract period (from today unless a start is given)", new(new DateOnly(2027, 12, 31)),
            (admin, user, id, body, ct) => admin.RenewAsync(user, id, new ContractTermsInput(body.Start, body.Until), ct));
        MapStep<TerminateBody>(agents, "terminate", "TerminateAgent", "Active → Terminated (the agent leaves the program), with the reason", new("代理商主动退出。"),
            (admin, user, id, body, ct) => admin.TerminateAsync(user, id, body.Reason, ct));

        agents.MapPost("/{code}/users", async (string code, AgentUserInput body, HttpContext http, UserAdministration accounts, AgentDetails details, CancellationToken ct) =>
                await details.GetByCodeAsync(User(http), code, ct).ConfigureAwait(false) is { } agent
                    ? (await accounts.CreateForAgentAsync(User(http), agent.Code, body, ct).ConfigureAwait(false))
                        .ToHttp(http, a => TypedResults.Created((string?)null, new AgentUserResponse(a.Email, a.TemporaryPassword!)))
                    : Refusal.NotFound.ToHttp(http))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("CreateAgentUser")
            .WithSummary("A portal user for the agent (a Reseller of it); the initial password is answered this once")
            .WithRequestExample(new AgentUserInput("zhang.wei@tianhe.example.cn", "张伟"))
            .Produces<AgentUserResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status409Conflict);

        agents.MapPost("/{code}/reinstate", async (string code, HttpContext http, AgentAdministration admin, AgentDetails details, CancellationToken ct) =>
                await StepAsync(http, details, code, (user, id) => admin.ReinstateAsync(user, id, ct), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName("ReinstateAgent")
            .WithSummary("Suspended → Active once the suspension has ended")
            .Produces<AgentResponse>()
            .Refuses(StatusCodes.Status409Conflict);
        return api;
    }

    private static CurrentUser User(HttpContext http) => CurrentUser.From(http.User)!;

    private static void MapStep<TBody>(
        RouteGroupBuilder agents, string step, string operation, string summary, TBody example,
        Func<AgentAdministration, CurrentUser, int, TBody, CancellationToken, Task<UseCaseResult<AgentUpdated>>> take)
        where TBody : class =>
        agents.MapPost($"/{{code}}/{step}", async (string code, TBody body, HttpContext http, AgentAdministration admin, AgentDetails details, CancellationToken ct) =>
                await StepAsync(http, details, code, (user, id) => take(admin, user, id, body, ct), ct).ConfigureAwait(false))
            .RequireAuthorization(PortalPolicies.ManageChannel)
            .WithName(operation)
            .WithSummary(summary)
            .WithRequestExample(example)
            .Produces<AgentResponse>()
            .Refuses(StatusCodes.Status409Conflict);

    // The agent by its code through the caller's eyes, the step taken, answered with the profile as it is now.
    private static async Task<IResult> StepAsync(HttpContext http, AgentDetails details, string code, Func<CurrentUser, int, Task<UseCaseResult<AgentUpdated>>> take, CancellationToken ct)
    {
        var user = User(http);
        if (await details.GetByCodeAsync(user, code, ct).ConfigureAwait(false) is not { } agent)
        {
            return Refusal.NotFound.ToHttp(http);
        }

        var result = await take(user, agent.Id).ConfigureAwait(false);
        var activity = http.RequestServices.GetRequiredService<AgentActivityQueries>();
        return result.Succeeded && await details.GetAsync(user, agent.Id, ct).ConfigureAwait(false) is { } changed
            ? TypedResults.Ok(ToResponse(http, changed, await activity.OfAsync(user, agent.Id, ct).ConfigureAwait(false)))
            : result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));
    }

    private static async Task<IResult> ChildrenAsync(
        string code,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxPageSize), Description(ListQuery.PageSizeText)] int? pageSize,
        HttpContext http,
        AgentDetails details,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var request = ListQuery.Page(check, http.Request, page, pageSize, (AgentSort?)null, null);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        var user = User(http);
        if (await details.IdOfAsync(user, code, ct).ConfigureAwait(false) is not { } agentId
            || await details.LevelAsync(user, agentId, request.Skip, request.Take, ct).ConfigureAwait(false) is not { } level)
        {
            return Refusal.NotFound.ToHttp(http);
        }

        return TypedResults.Ok(new AgentChildrenResponse(
            [.. level.Nodes.Select(n => new AgentNodeResponse(n.Code, n.LegalName, n.Tier, n.Status, n.ChildCount))], request.Page, request.Take, level.HasMore));
    }

    // Signed, then answered with the profile GET /agents/{code} gives, at the address it gives it.
    private static async Task<IResult> SignAsync(SignAgentBody body, HttpContext http, AgentRecruitment recruitment, AgentDetails details, AgentActivityQueries activity, CancellationToken ct)
    {
        var user = User(http);
        var result = await recruitment.SignDirectlyAsync(user, body.ToInput(), ct).ConfigureAwait(false);
        if (!result.Succeeded || await details.GetAsync(user, result.Value.Id, ct).ConfigureAwait(false) is not { } agent)
        {
            return result.ToHttp(http, _ => Refusal.NotFound.ToHttp(http));
        }

        return TypedResults.Created($"/api/v1/agents/{agent.Code}", ToResponse(http, agent, await activity.OfAsync(user, agent.Id, ct).ConfigureAwait(false)));
    }

    private static AgentResponse ToResponse(HttpContext http, AgentDetail a, AgentActivity activity) => new(
        a.Code, a.LegalName, a.Uscc, a.Tier, a.Parent?.Code, [.. a.Territory.Select(t => t.Code)], a.Contract, a.Contacts, a.Children.Count, [.. a.Children.Select(c => c.Code)],
        activity.CustomerCount, activity.DealCount, activity.AuthorizationCount,
        [.. a.Actions.Select(x => new AgentActionResponse(x.Action, x.IsAllowed, ApiProblems.Guards(http, x.UnmetGuards)))]);

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "search"), Description("Part of the agent's code or legal name.")] string? search,
        [FromQuery(Name = "tier"), Description("Only agents of this tier.")] AgentTier? tier,
        [FromQuery(Name = "status"), Description("Only agents whose contract is in this state.")] ContractStatus? status,
        [FromQuery(Name = "page"), Range(0, ListQuery.MaxPage), Description(ListQuery.PageText)] int? page,
        [FromQuery(Name = "pageSize"), Range(1, PageRequest.MaxPageSize), Description(ListQuery.PageSizeText)] int? pageSize,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; Code when absent.")] AgentSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        AgentDirectory directory,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, search, tier, status);
        var request = ListQuery.Page(check, http.Request, page, pageSize, sortBy, descending);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        var result = await directory.SearchAsync(User(http), filter, request, ct).ConfigureAwait(false);
        return TypedResults.Ok(new AgentListResponse(
            [.. result.Items.Select(r => new AgentListItem(r.Code, r.LegalName, r.Tier, r.Status, r.ParentCode, [.. r.Territory.Select(t => t.Code)], r.ContractEnd))],
            result.TotalCount, request.Page, request.Take, result.TotalIsLowerBound));
    }

    // `GET /api/v1/agents/export` and the browser's `/exports/agents`.
    internal static IResult Export(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        [FromQuery(Name = "search"), Description("Part of the agent's code or legal name.")] string? search,
        [FromQuery(Name = "tier"), Description("Only agents of this tier.")] AgentTier? tier,
        [FromQuery(Name = "status"), Description("Only agents whose contract is in this state.")] ContractStatus? status,
        [FromQuery(Name = "sortBy"), Description("The column to sort by; Code when absent.")] AgentSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        AgentDirectory directory)
    {
        var check = new InputCheck();
        var filter = Filter(check, http.Request, search, tier, status);
        var sort = ListQuery.Named(check, http.Request, "sortBy", sortBy)?.ToString();
        return ExportFile.Answer(http, check, format, AgentExport.List, AgentExport.Columns, () => directory.ExportAsync(User(http), filter, sort, descending ?? true, http.RequestAborted));
    }

    // `GET /api/v1/sub-agents/export` and the browser's `/exports/sub-agents`.
    internal static IResult ExportSubAgents(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        HttpContext http,
        AgentDetails details) =>
        ExportFile.Answer(http, new InputCheck(), format, AgentExport.SubAgentsList, AgentExport.SubAgentColumns, () => details.SubtreeAsync(User(http), http.RequestAborted));

    // The list's filter parameters, read the same way for the page of rows and for the file.
    private static AgentFilter Filter(InputCheck check, HttpRequest request, string? search, AgentTier? tier, ContractStatus? status) =>
        new(check.OptionalText("search", search, 100), ListQuery.Named(check, request, "tier", tier), ListQuery.Named(check, request, "status", status));
}

/// <summary>The columns the agent list sorts by.</summary>
public enum AgentSort
{
    Code,
    LegalName,
    Tier,
    Status,
}
