using System.Globalization;
using Portal.Auth;
using Portal.Features.Exports;

namespace Portal.Features.Compliance;

/// <summary>The cases grid as a file (<c>/api/v1/violations/export</c>, <c>/exports/violations</c>).</summary>
public static class CaseExport
{
    public const string List = "violations";

    public const string Policy = PortalPolicies.MonitorCases;

    public static IReadOnlyList<ExportColumn<CaseRow>> Columns { get; } = new ExportColumns<CaseRow>()
        .Number("#", c => c.Id)
        .Label("Cases_Type", c => $"ViolationType_{c.Type}")
        .Label("Cases_State", c => $"CaseState_{c.State}")
        .Label("Cases_Overdue", c => c.Overdue ? "Cases_OverdueChip" : null)
        .Label("Cases_Source", c => $"CaseSource_{c.Source}")
        .Text("Cases_Subject", c => c.SubjectAgentCode ?? c.SubjectText)
        .Text("Case_Investigator", c => c.Investigator)
        .Instant("Cases_OpenedAt", c => c.OpenedAt)
        .Label("Case_Penalty", c => c.Penalty is { } penalty ? $"Penalty_{penalty}" : null)
        .All;

    /// <summary>The grid's filter as <c>GET /api/v1/violations</c> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            new("state", filter.State?.ToString()),
            new("type", filter.Type?.ToString()),
            new("source", filter.Source?.ToString()),
            new("subject", filter.Subject),
            new("region", filter.Region),
            new("openedFrom", filter.OpenedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("openedTo", filter.OpenedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("investigator", filter.Investigator),
            new("overdue", filter.OverdueOnly ? "true" : null),
            new("penalizedFrom", filter.PenalizedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("penalizedTo", filter.PenalizedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];
    }
}
