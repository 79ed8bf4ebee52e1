namespace Portal.Features.Deals;

/// <summary>
/// The availability check answers whether a customer is protected: asked in bulk, it would map every agent's customers.
/// So each user has a budget (<c>Availability:PermitsPerMinute</c>, default 30 — a reseller types far fewer credit
/// codes in a minute), and every check is written to the audit log.
/// </summary>
public sealed class AvailabilityLimit(IConfiguration configuration)
    : PerMinuteLimit(configuration.GetValue("Availability:PermitsPerMinute", 30));
