namespace Portal.Features.Customers;

/// <summary>A ChannelManager recording that the vendor sells to (or settles with) a customer directly.</summary>
public sealed class VendorDirectSaleInput
{
    public string? CustomerUscc { get; set; }

    /// <summary>What was sold or settled (an order number, a description); kept in the audit trail.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// A recorded direct sale. There is no table for the vendor's own sales: the record is the audit entry
/// (<c>VendorDirectSale</c>), whose sequence number is <see cref="AuditSequence"/>.
/// </summary>
public sealed record VendorDirectSaleRecorded(string CustomerUscc, int? CustomerId, long AuditSequence);

/// <summary>The input fields of the customer use cases, as reasons name them.</summary>
public static class CustomerFields
{
    public const string CustomerUscc = Domain.Common.InputField.CustomerUscc;
    public const string Note = "note";
    public const int NoteMaxLength = 1000;
}
