namespace Portal.Domain.Deals;

public static class DealStatusGroups
{
    /// <summary>
    /// Open registrations: submitted and not yet decided for good. They count towards
    /// <c>Protection:MaxActiveRegistrations</c> and are cancelled when their agent is disqualified.
    /// </summary>
    public static bool IsOpen(this DealStatus status) =>
        status is DealStatus.Submitted or DealStatus.PendingReview or DealStatus.Approved or DealStatus.ExtensionRequested;
}
