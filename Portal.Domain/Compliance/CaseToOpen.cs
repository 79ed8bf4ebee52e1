using Portal.Domain.Regions;

namespace Portal.Domain.Compliance;

/// <summary>
/// Market monitoring: a violation case a rule wants opened (source AutoDetected). The application opens it in the
/// same transaction as the act that revealed it and links it to the deal or sales report.
/// </summary>
/// <param name="Type">DiscountSelling or CrossRegion.</param>
/// <param name="SubjectAgentId">The agent the case is about.</param>
/// <param name="Lines">For DiscountSelling: the lines below the uniform price (one case lists them all).</param>
/// <param name="Region">For CrossRegion: the customer's region that lies outside the territory.</param>
public sealed record CaseToOpen(ViolationType Type, int SubjectAgentId, IReadOnlyList<PriceDeviation> Lines, RegionCode? Region = null);
