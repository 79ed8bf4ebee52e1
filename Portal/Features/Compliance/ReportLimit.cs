namespace Portal.Features.Compliance;

/// <summary>
/// The public report form and <c>POST /api/v1/violation-reports</c> take anonymous input, so both draw on one budget per
/// client address (<c>Reports:PermitsPerMinute</c>, default 5).
/// </summary>
public sealed class ReportLimit(IConfiguration configuration)
    : PerMinuteLimit(configuration.GetValue("Reports:PermitsPerMinute", 5));
