using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Agents;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Features.Deals;

namespace Portal.Features.Dashboard;

/// <summary>
/// The addresses of the lists a dashboard figure links to, with the query-string filters those pages read
/// (<c>[SupplyParameterFromQuery]</c>, the same names as the API's list parameters): one place spells them.
/// </summary>
public static class GridLinks
{
    public static string Deals(DealStatus? status = null, string? reason = null, DateOnly? from = null, DateOnly? to = null, DealOwner? owner = null, DateOnly? soldFrom = null, DateOnly? soldTo = null) =>
        With("/deals", ("status", status?.ToString()), ("reason", reason), ("from", Day(from)), ("to", Day(to)), ("owner", owner?.ToString()), ("soldFrom", Day(soldFrom)), ("soldTo", Day(soldTo)));

    public static string Customers(bool? protectedOnly = null, int? expiring = null, DateOnly? expiresFrom = null, DateOnly? expiresTo = null) =>
        With("/customers", ("protected", protectedOnly is { } p ? (p ? "true" : "false") : null), ("expiring", expiring?.ToString(CultureInfo.InvariantCulture)), ("expiresFrom", Day(expiresFrom)), ("expiresTo", Day(expiresTo)));

    public static string Agents(AgentTier? tier = null, ContractStatus? status = null) =>
        With("/agents", ("tier", tier?.ToString()), ("status", status?.ToString()));

    public static string Cases(CaseState? state = null, ViolationType? type = null, DateOnly? openedFrom = null, DateOnly? openedTo = null, DateOnly? penalizedFrom = null, DateOnly? penalizedTo = null) =>
        With("/cases", ("state", state?.ToString()), ("type", type?.ToString()), ("openedFrom", Day(openedFrom)), ("openedTo", Day(openedTo)), ("penalizedFrom", Day(penalizedFrom)), ("penalizedTo", Day(penalizedTo)));

    public static string Review(string tab) => With("/review", ("tab", tab));

    public static string Users(string? show = null) => With("/admin/users", ("show", show));

    public const string SubAgents = "/sub-agents";

    public const string Audit = "/audit";

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string With(string path, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}
