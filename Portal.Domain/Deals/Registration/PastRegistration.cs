namespace Portal.Domain.Deals.Registration;

/// <summary>One of the agent's earlier registrations of the same customer, for the cooldown.</summary>
public sealed record PastRegistration(int DealId, DealStatus Status, DateTime? ProtectedUntil)
{
    /// <summary>
    /// When the agent let this registration lapse: an Expired one at its protection's end, and equally an approved
    /// one whose protection ran out before the expiry job marked it. Null for any other registration.
    /// </summary>
    public DateTime? LapsedAt(DateTime at) => Status switch
    {
        DealStatus.Expired => ProtectedUntil,
        DealStatus.Approved or DealStatus.ExtensionRequested when ProtectedUntil <= at => ProtectedUntil,
        _ => null,
    };
}
