namespace Portal.Domain.Deals;

/// <summary>The state of a deal registration (DESIGN.md §5.2).</summary>
public enum DealStatus
{
    Draft,
    Submitted,
    Approved,
    PendingReview,
    Rejected,
    ExtensionRequested,
    Won,
    Lost,
    Expired,
    Cancelled,
}
