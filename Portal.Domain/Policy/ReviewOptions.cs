using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Policy;

/// <summary>
/// How long a pending decision may wait, in working days (ADR 28), bound from the <c>Review</c> section. When a deadline
/// passes the expiry job applies the default outcome.
/// </summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>A registration held for review (PendingReview) is rejected after this many working days.</summary>
    [Range(1, 365)]
    public int HeldRegistrationDays { get; set; } = 3;

    /// <summary>An undecided extension request is refused after this many working days, and never later than the protection's end.</summary>
    [Range(1, 365)]
    public int ExtensionDays { get; set; } = 3;

    /// <summary>A cross-region authorization request lapses after this many working days.</summary>
    [Range(1, 365)]
    public int AuthorizationDays { get; set; } = 5;

    /// <summary>A sub-agent application (Applied or UnderReview) is rejected after this many working days.</summary>
    [Range(1, 365)]
    public int ApplicationDays { get; set; } = 10;

    /// <summary>The holiday list (public holidays and make-up working days); a relative path is the portal's content root.</summary>
    [Required]
    public string HolidaysFile { get; set; } = "Calendar/holidays-cn.csv";
}
