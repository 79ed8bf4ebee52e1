using Portal.Domain.Agents;

namespace Portal.Domain.Pricing;

/// <summary>One version of a tier's discount off the uniform price, in force from <see cref="EffectiveFrom"/> (UTC).</summary>
public sealed record DiscountVersion(AgentTier Tier, decimal Rate, DateTime EffectiveFrom);
