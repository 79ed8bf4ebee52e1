using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>The closing of a won deal. Facts are recorded as reported, never rejected.</summary>
public sealed class SalesReport
{
    private readonly List<SalesReportLine> _lines = [];

    private SalesReport()
    {
    }

    public SalesReport(int dealId, int agentId, int customerId, DateOnly soldOn, IEnumerable<SalesReportLine> lines, DateTime reportedAt, string reportedBy)
    {
        DealId = dealId;
        AgentId = agentId;
        CustomerId = customerId;
        SoldOn = soldOn;
        _lines.AddRange(lines);
        ReportedAt = Guard.Utc(reportedAt, nameof(reportedAt));
        ReportedBy = reportedBy;
    }

    public int Id { get; private set; }

    public int DealId { get; private set; }

    public int AgentId { get; private set; }

    public int CustomerId { get; private set; }

    public DateOnly SoldOn { get; private set; }

    public DateTime ReportedAt { get; private set; }

    public string ReportedBy { get; private set; } = string.Empty;

    public IReadOnlyCollection<SalesReportLine> Lines => _lines.AsReadOnly();
}
