namespace Portal.Domain.Policy;

/// <summary>
/// The channel policy's settings with the defaults DESIGN.md documents. Each part binds from its own configuration
/// section (<c>Protection</c>, <c>Penalty</c>, <c>PricePolicy</c>), so the whole binds from the configuration root:
/// <c>configuration.Bind(policy)</c>, or one part at a time with <c>GetSection(ProtectionOptions.SectionName)</c>.
/// </summary>
public sealed class ChannelPolicy
{
    public ProtectionOptions Protection { get; set; } = new();

    public PenaltyOptions Penalty { get; set; } = new();

    public PricePolicyOptions PricePolicy { get; set; } = new();

    /// <summary>A fresh instance with every default.</summary>
    public static ChannelPolicy Default => new();
}
