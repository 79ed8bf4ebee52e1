using Portal.Domain.Common;

namespace Portal.Domain.Policy;

/// <summary>
/// The channel policy's settings with the defaults DESIGN.md documents. Each part binds from its own configuration
/// section (<c>Protection</c>, <c>Penalty</c>, <c>PricePolicy</c>, <c>Business</c>, <c>Evidence</c>, <c>Review</c>), one part at a time with
/// <c>GetSection(ProtectionOptions.SectionName)</c>.
/// </summary>
public sealed class ChannelPolicy
{
    private BusinessCalendar? _calendar;

    public ProtectionOptions Protection { get; set; } = new();

    public PenaltyOptions Penalty { get; set; } = new();

    public PricePolicyOptions PricePolicy { get; set; } = new();

    public BusinessOptions Business { get; set; } = new();

    public EvidenceOptions Evidence { get; set; } = new();

    public ReviewOptions Review { get; set; } = new();

    /// <summary>The working days deadlines count (weekends, and the holiday list <see cref="ReviewOptions.HolidaysFile"/> once loaded).</summary>
    public WorkingDays WorkingDays { get; set; } = WorkingDays.WeekendsOnly;

    /// <summary>The days the channel's dates mean: those of <see cref="BusinessOptions.TimeZone"/>.</summary>
    public BusinessCalendar Calendar => _calendar is { } calendar && calendar.Zone.Id == Business.TimeZone
        ? calendar
        : _calendar = BusinessCalendar.For(Business.TimeZone);

    /// <summary>When a registration held for review at <paramref name="heldAt"/> is rejected by default.</summary>
    public DateTime HeldRegistrationDeadline(DateTime heldAt) => WorkingDays.Deadline(Calendar, heldAt, Review.HeldRegistrationDays);

    /// <summary>When an extension requested at <paramref name="requestedAt"/> is refused by default: never after the protection's end.</summary>
    public DateTime ExtensionDeadline(DateTime requestedAt, DateTime protectedUntil)
    {
        var deadline = WorkingDays.Deadline(Calendar, requestedAt, Review.ExtensionDays);
        return deadline < protectedUntil ? deadline : protectedUntil;
    }

    /// <summary>When a cross-region request made at <paramref name="requestedAt"/> lapses.</summary>
    public DateTime AuthorizationDeadline(DateTime requestedAt) => WorkingDays.Deadline(Calendar, requestedAt, Review.AuthorizationDays);

    /// <summary>When an application received at <paramref name="appliedAt"/> is rejected by default.</summary>
    public DateTime ApplicationDeadline(DateTime appliedAt) => WorkingDays.Deadline(Calendar, appliedAt, Review.ApplicationDays);

    /// <summary>A fresh instance with every default.</summary>
    public static ChannelPolicy Default => new();
}
