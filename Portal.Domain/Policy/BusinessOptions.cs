using System.ComponentModel.DataAnnotations;
using Portal.Domain.Common;

namespace Portal.Domain.Policy;

/// <summary>The channel's business time (DESIGN.md §11), bound from the <c>Business</c> section.</summary>
public sealed class BusinessOptions
{
    public const string SectionName = "Business";

    /// <summary>The IANA time zone whose days the channel's dates mean (default China time).</summary>
    [Required]
    public string TimeZone { get; set; } = BusinessCalendar.DefaultTimeZone;
}
