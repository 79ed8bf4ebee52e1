using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Deals;

namespace Portal.Features.Exports;

/// <summary>The browser's downloads of every grid (<c>/exports/&lt;list&gt;</c>), each the twin of its API export.</summary>
public static class ExportDownloads
{
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDownload(DealExport.List, DealExport.Policy, DealEndpoints.Export);
        endpoints.MapDownload(CustomerExport.List, CustomerExport.Policy, CustomerEndpoints.Export);
        endpoints.MapDownload(AgentExport.List, AgentExport.Policy, AgentEndpoints.Export);
        endpoints.MapDownload(AgentExport.SubAgentsList, AgentExport.SubAgentsPolicy, AgentEndpoints.ExportSubAgents);
        endpoints.MapDownload(CaseExport.List, CaseExport.Policy, ViolationEndpoints.Export);
        endpoints.MapDownload(AuditExport.List, AuditExport.Policy, AuditEndpoints.Export);
        return endpoints;
    }
}
