namespace Portal.Domain.Deals;

/// <summary>What can be done to a deal registration (DESIGN.md §5.2); each is one method of <see cref="DealRegistration"/>.</summary>
public enum DealAction
{
    /// <summary>Draft → Submitted.</summary>
    Submit,

    /// <summary>Submitted/PendingReview → Approved: the customer is protected until a given time.</summary>
    Approve,

    /// <summary>Submitted → PendingReview: a rule asks a ChannelManager to decide (e.g. POSSIBLE_DUPLICATE).</summary>
    SendToReview,

    /// <summary>Submitted/PendingReview → Rejected, with reason codes.</summary>
    Reject,

    /// <summary>Approved → Won: the sale is reported.</summary>
    ReportSale,

    /// <summary>Approved → Lost.</summary>
    MarkLost,

    /// <summary>Approved → Expired once the protection has ended.</summary>
    Expire,

    /// <summary>Approved → Cancelled.</summary>
    Cancel,

    /// <summary>Approved → ExtensionRequested, once per registration, with a written reason.</summary>
    RequestExtension,

    /// <summary>ExtensionRequested → Approved with protection extended.</summary>
    GrantExtension,

    /// <summary>ExtensionRequested → Approved with protection unchanged.</summary>
    RefuseExtension,

    /// <summary>
    /// The default outcome once the decision's deadline has passed (the expiry job's, ADR 28): PendingReview → Rejected
    /// (REVIEW_TIMED_OUT); ExtensionRequested → Approved with the protection unchanged (the extension is refused).
    /// </summary>
    TimeOut,
}
