namespace Portal.Domain.Customers;

/// <summary>How a protection came to an end.</summary>
public enum ProtectionEnd
{
    Expired,
    Released,
    Superseded,
    Transferred,
}
