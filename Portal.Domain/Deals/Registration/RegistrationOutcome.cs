namespace Portal.Domain.Deals.Registration;

/// <summary>Where a submitted registration goes (DESIGN.md §5.2: Submitted → Approved | PendingReview | Rejected).</summary>
public enum RegistrationOutcome
{
    Approved,
    PendingReview,
    Rejected,
}
