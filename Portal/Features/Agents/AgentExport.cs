using System.Globalization;
using Portal.Auth;
using Portal.Features.Exports;
using Portal.Localization;

namespace Portal.Features.Agents;

/// <summary>The agents grid as a file (<c>/api/v1/agents/export</c>, <c>/exports/agents</c>).</summary>
public static class AgentExport
{
    public const string List = "agents";

    public const string Policy = PortalPolicies.ReadAgents;

    public static IReadOnlyList<ExportColumn<AgentRow>> Columns { get; } = new ExportColumns<AgentRow>()
        .Text("Agents_Code", a => a.Code)
        .Text("Agents_Name", a => a.LegalName)
        .Label("Agents_Tier", a => $"Tier_{a.Tier}")
        .Label("Agents_Status", a => $"Contract_{a.Status}")
        .Text("Agents_Parent", a => a.ParentCode)
        .Text("Agents_Territory", a => Names(a.Territory))
        .Day("Export_ContractEnd", a => a.ContractEnd)
        .All;

    /// <summary>The reseller's subtree (<c>/api/v1/sub-agents/export</c>, <c>/exports/sub-agents</c>), for the sub-agents page.</summary>
    public const string SubAgentsList = "sub-agents";

    public const string SubAgentsPolicy = PortalPolicies.Recruit;

    public static IReadOnlyList<ExportColumn<SubAgentRow>> SubAgentColumns { get; } = new ExportColumns<SubAgentRow>()
        .Number("Export_Level", a => a.Depth)
        .Text("Agents_Code", a => a.Code)
        .Text("Agents_Name", a => a.LegalName)
        .Label("Agents_Tier", a => $"Tier_{a.Tier}")
        .Label("Agents_Status", a => $"Contract_{a.Status}")
        .Text("Agents_Parent", a => a.ParentCode)
        .Text("Agents_Territory", a => Names(a.Territory))
        .Day("Export_ContractEnd", a => a.ContractEnd)
        .All;

    // A territory's region names in the reader's language, one cell.
    private static string Names(IReadOnlyList<RegionLabel> territory) =>
        string.Join(" ", territory.Select(r => r.Name(PortalCultures.IsChinese(CultureInfo.CurrentUICulture))));

    /// <summary>The grid's filter as <c>GET /api/v1/agents</c> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(AgentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return [new("search", filter.Search), new("tier", filter.Tier?.ToString()), new("status", filter.Status?.ToString())];
    }
}
