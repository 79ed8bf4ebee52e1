using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Policy;

/// <summary>Customer protection and the anti-hoarding limits (DESIGN.md §4), bound from the <c>Protection</c> section.</summary>
public sealed class ProtectionOptions
{
    public const string SectionName = "Protection";

    /// <summary>How long an approved registration protects its customer.</summary>
    [Range(1, 3650)]
    public int RegistrationDays { get; set; } = 90;

    /// <summary>How much longer the one extension a registration may get protects it.</summary>
    [Range(1, 3650)]
    public int ExtensionDays { get; set; } = 90;

    /// <summary>At most this many open registrations per agent.</summary>
    [Range(1, 100_000)]
    public int MaxActiveRegistrations { get; set; } = 100;

    /// <summary>After an agent lets a registration expire, it may not register that customer again for this long.</summary>
    [Range(0, 3650)]
    public int CooldownDays { get; set; } = 30;

    /// <summary>A developed customer stays protected this long after the last sale.</summary>
    [Range(1, 120)]
    public int AfterSaleMonths { get; set; } = 12;
}
