using Portal.Domain.Agents;
using Portal.Features.Agents;

namespace Portal.Features.Recruitment;

/// <summary>
/// An agent application waiting for the vendor (Applied or UnderReview): who applied, under which parent, for which
/// tier and territory.
/// </summary>
public sealed record ApplicationRow(
    int Id,
    string Code,
    string LegalName,
    string Uscc,
    AgentTier Tier,
    ContractStatus Status,
    string? ParentCode,
    string? ParentName,
    IReadOnlyList<RegionLabel> Territory,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    DateTime AppliedAt);
