namespace Portal.Domain.Common;

/// <summary>
/// The stable, machine-readable codes that explain every refusal (DESIGN.md §4). They are part of the API
/// contract: never rename one, only add.
/// </summary>
public static class ReasonCode
{
    public const string InvalidUscc = "INVALID_USCC";
    public const string AgentNotActive = "AGENT_NOT_ACTIVE";
    public const string TierCannotRecruit = "TIER_CANNOT_RECRUIT";
    public const string RecruitTierTooHigh = "RECRUIT_TIER_TOO_HIGH";
    public const string TerritoryNotWithinParent = "TERRITORY_NOT_WITHIN_PARENT";
    public const string OutOfTerritory = "OUT_OF_TERRITORY";
    public const string PriceNotUniform = "PRICE_NOT_UNIFORM";
    public const string CustomerProtected = "CUSTOMER_PROTECTED";
    public const string PossibleDuplicate = "POSSIBLE_DUPLICATE";
    public const string UnknownProduct = "UNKNOWN_PRODUCT";
    public const string InvalidQuantity = "INVALID_QUANTITY";
    public const string VendorDirectBlocked = "VENDOR_DIRECT_BLOCKED";
    public const string RegistrationCapReached = "REGISTRATION_CAP_REACHED";
    public const string CooldownActive = "COOLDOWN_ACTIVE";

    public static IReadOnlyList<string> All { get; } =
    [
        InvalidUscc, AgentNotActive, TierCannotRecruit, RecruitTierTooHigh, TerritoryNotWithinParent,
        OutOfTerritory, PriceNotUniform, CustomerProtected, PossibleDuplicate, UnknownProduct, InvalidQuantity,
        VendorDirectBlocked, RegistrationCapReached, CooldownActive,
    ];
}
