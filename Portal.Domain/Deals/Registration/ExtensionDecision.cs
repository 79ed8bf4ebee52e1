using Portal.Domain.Common;

namespace Portal.Domain.Deals.Registration;

/// <summary>Whether a registration may be extended and, if so, until when its protection then runs.</summary>
public sealed record ExtensionDecision(Decision Decision, DateTime? NewProtectedUntil)
{
    public bool IsAllowed => Decision.IsAllowed;
}
