using Portal.Domain.Common;

namespace Portal.Domain.Policy;

/// <summary>
/// The channel policy's settings with the defaults DESIGN.md documents. Each part binds from its own configuration
/// section (<c>Protection</c>, <c>Penalty</c>, <c>PricePolicy</c>, <c>Business</c>, <c>Evidence</c>), one part at a time with
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

    /// <summary>The days the channel's dates mean: those of <see cref="BusinessOptions.TimeZone"/>.</summary>
    public BusinessCalendar Calendar => _calendar is { } calendar && calendar.Zone.Id == Business.TimeZone
        ? calendar
        : _calendar = BusinessCalendar.For(Business.TimeZone);

    /// <summary>A fresh instance with every default.</summary>
    public static ChannelPolicy Default => new();
}
