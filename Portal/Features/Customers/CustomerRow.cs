using Portal.Domain.Customers;
using Portal.Features.Agents;

namespace Portal.Features.Customers;

/// <summary>
/// A customer as the directory lists it, with the protection in force now if the reader may see its holder: for a
/// reseller only when the holder is its own agent or a descendant (otherwise the protection fields are null — who holds
/// a customer outside its subtree is never shown). <see cref="ProtectedUntil"/> is the protection's last business day.
/// </summary>
public sealed record CustomerRow(
    int Id,
    string Uscc,
    string LegalName,
    RegionLabel Region,
    CustomerSegment Segment,
    string? HolderCode,
    string? HolderName,
    ProtectionBasis? Basis,
    DateTime? ProtectedSince,
    DateOnly? ProtectedUntil);

/// <param name="Search">Part of the legal name, or the whole USCC.</param>
/// <param name="ProtectedOnly">Only customers the reader's subtree holds now.</param>
/// <param name="ExpiringWithinDays">Only customers whose protection ends within this many days from now (implies protected).</param>
/// <param name="ExpiresFrom">Only customers whose protection's last business day is on or after this day (implies protected).</param>
/// <param name="ExpiresTo">Only customers whose protection's last business day is on or before this day (implies protected).</param>
public sealed record CustomerFilter(string? Search = null, bool ProtectedOnly = false, int? ExpiringWithinDays = null, DateOnly? ExpiresFrom = null, DateOnly? ExpiresTo = null);
