namespace Portal.Domain.Common;

/// <summary>
/// The stable, machine-readable codes that explain every refusal (DESIGN.md §4). They are part of the API
/// contract: never rename one, only add.
/// </summary>
public static class ReasonCode
{
    // DESIGN.md §4.
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

    // Input validation (DESIGN.md §7: a 400 that stores nothing), beside INVALID_USCC, INVALID_QUANTITY and
    // UNKNOWN_PRODUCT above.
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string InvalidRegion = "INVALID_REGION";
    public const string InvalidPrice = "INVALID_PRICE";
    public const string InvalidDate = "INVALID_DATE";
    public const string InvalidValue = "INVALID_VALUE";

    /// <summary>A text holds a control character, a bidirectional override or a Unicode non-character (see <see cref="InputText"/>).</summary>
    public const string InvalidCharacter = "INVALID_CHARACTER";

    // Extending a registration (DESIGN.md §4: once, with a written reason).
    public const string DealNotApproved = "DEAL_NOT_APPROVED";
    public const string ExtensionAlreadyUsed = "EXTENSION_ALREADY_USED";
    public const string ProtectionLapsed = "PROTECTION_LAPSED";
    public const string ReasonRequired = "REASON_REQUIRED";

    // Penalty ladder (DESIGN.md §4: harsher with a written reason, never milder).
    public const string PenaltyBelowLadder = "PENALTY_BELOW_LADDER";

    // Appeals (DESIGN.md §8: within Penalty:AppealDays of the penalty).
    public const string AppealWindowClosed = "APPEAL_WINDOW_CLOSED";

    // Evidence files (DESIGN.md §8: a size limit, the type told from the content, not the name).
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string FileTypeNotAllowed = "FILE_TYPE_NOT_ALLOWED";
    public const string FileTypeMismatch = "FILE_TYPE_MISMATCH";

    // Price list versions and the catalogue (DESIGN.md §9: versions superseded in order; retired products are not sold).
    public const string ProductRetired = "PRODUCT_RETIRED";
    public const string VersionNotAfterLatest = "VERSION_NOT_AFTER_LATEST";
    public const string DiscountsOutOfOrder = "DISCOUNTS_OUT_OF_ORDER";

    // Deadlines (ADR 28): a decision nobody took by its deadline gets its default outcome.
    public const string ReviewTimedOut = "REVIEW_TIMED_OUT";

    public static IReadOnlyList<string> All { get; } =
    [
        InvalidUscc, AgentNotActive, TierCannotRecruit, RecruitTierTooHigh, TerritoryNotWithinParent,
        OutOfTerritory, PriceNotUniform, CustomerProtected, PossibleDuplicate, UnknownProduct, InvalidQuantity,
        VendorDirectBlocked, RegistrationCapReached, CooldownActive,
        Required, TooLong, InvalidRegion, InvalidPrice, InvalidDate, InvalidValue, InvalidCharacter,
        DealNotApproved, ExtensionAlreadyUsed, ProtectionLapsed, ReasonRequired, PenaltyBelowLadder,
        AppealWindowClosed, FileTooLarge, FileTypeNotAllowed, FileTypeMismatch,
        ProductRetired, VersionNotAfterLatest, DiscountsOutOfOrder,
        ReviewTimedOut,
    ];
}
