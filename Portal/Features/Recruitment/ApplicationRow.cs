using Portal.Domain.Agents;
using Portal.Features.Agents;

namespace Portal.Features.Recruitment;

/// <summary>
/// An agent application waiting for the vendor (Applied or UnderReview): everything the applicant gave — who applied,
/// under which parent (with the parent's tier and territory), for which tier and territory, and whom to contact.
/// <see cref="OutsideParent"/> names the requested regions the parent's territory does not cover (DESIGN.md §4,
/// TERRITORY_NOT_WITHIN_PARENT): none for an application within its recruiter's territory. <see cref="DecideBy"/> is
/// the last business day of the vendor's decision: after it the application is rejected by default (ADR 28).
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
    DateTime AppliedAt,
    AgentTier? ParentTier = null,
    IReadOnlyList<RegionLabel>? ParentTerritory = null,
    IReadOnlyList<string>? OutsideParent = null,
    DateOnly? DecideBy = null)
{
    /// <summary>Whether the parent's territory covers the requested region (always, for an agent without a parent).</summary>
    public bool IsWithinParent(string regionCode) => OutsideParent?.Contains(regionCode, StringComparer.Ordinal) != true;
}
