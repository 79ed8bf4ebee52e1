namespace Portal.Features;

/// <summary>
/// Refusal codes of the application services that are not channel rules (those are <c>ReasonCode</c>): a record that
/// does not exist, a name already taken, a penalty the contract cannot take. Stable like the rule codes — part of the
/// API contract, never renamed, only added; the portal shows <c>Reason_&lt;CODE&gt;</c> in both languages.
/// </summary>
public static class UseCaseCode
{
    /// <summary>The record does not exist for the caller.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Another agent already has this code (agent codes are unique).</summary>
    public const string AgentCodeTaken = "AGENT_CODE_TAKEN";

    /// <summary>Another agent is already registered under this USCC (one company, one agent).</summary>
    public const string UsccTaken = "USCC_TAKEN";

    /// <summary>A well-formed USCC that names no customer the caller can see.</summary>
    public const string UnknownCustomer = "UNKNOWN_CUSTOMER";

    /// <summary>An agent code that names no agent.</summary>
    public const string UnknownAgent = "UNKNOWN_AGENT";

    /// <summary>
    /// The subject agent's contract cannot take the penalty in its state: a suspended agent cannot be suspended again, a
    /// revoked one cannot be revoked (detail: the contract status).
    /// </summary>
    public const string PenaltyNotApplicable = "PENALTY_NOT_APPLICABLE";

    /// <summary>
    /// An appeal cannot lift a disqualification: the contract is Revoked (terminal) and the cascade has moved the agent's
    /// customers and sub-agents; the appeal can only be upheld.
    /// </summary>
    public const string DisqualificationIrreversible = "DISQUALIFICATION_IRREVERSIBLE";

    /// <summary>The caller asked too often; it may try again in a minute.</summary>
    public const string TooManyRequests = "TOO_MANY_REQUESTS";

    /// <summary>An account change an Admin may not make to its own account (lock, disable, demote itself).</summary>
    public const string NotOnOwnAccount = "NOT_ON_OWN_ACCOUNT";

    /// <summary>A role that is not one of the portal's.</summary>
    public const string UnknownRole = "UNKNOWN_ROLE";

    /// <summary>A Reseller account names its agent; vendor staff have none.</summary>
    public const string AgentOnlyForReseller = "AGENT_ONLY_FOR_RESELLER";

    /// <summary>Another account already uses this e-mail address.</summary>
    public const string EmailTaken = "EMAIL_TAKEN";

    /// <summary>A password that does not meet the policy (length, upper, lower, digit, symbol).</summary>
    public const string PasswordTooWeak = "PASSWORD_TOO_WEAK";

    /// <summary>The investigator named is not an enabled Compliance account.</summary>
    public const string NotAnInvestigator = "NOT_AN_INVESTIGATOR";

    /// <summary>Arbitration of a customer nobody protects now: there is nothing to move or release.</summary>
    public const string NotProtected = "NOT_PROTECTED";

    /// <summary>Arbitration that would give a customer to the agent that already holds it.</summary>
    public const string AlreadyHolder = "ALREADY_HOLDER";

    /// <summary>A region outside those the regional manager's account is scoped to (ADR 26).</summary>
    public const string OutsideYourRegions = "OUTSIDE_YOUR_REGIONS";

    /// <summary>Only a ChannelManager's account is scoped to regions.</summary>
    public const string RegionsOnlyForManager = "REGIONS_ONLY_FOR_MANAGER";

    /// <summary>The uniform price list is national: a manager scoped to regions neither publishes versions nor retires products.</summary>
    public const string NationalPriceList = "NATIONAL_PRICE_LIST";

    /// <summary>An import's row repeats an earlier row's key (an agent's code or USCC, a customer's USCC); detail: that row's number.</summary>
    public const string DuplicateInFile = "DUPLICATE_IN_FILE";

    /// <summary>An imported customer whose USCC is already on file: an import adds customers, it does not change them.</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";

    /// <summary>An import's header names a column the template does not have (detail: the header as written).</summary>
    public const string UnknownColumn = "UNKNOWN_COLUMN";

    /// <summary>An import's header lacks a column the template requires.</summary>
    public const string MissingColumn = "MISSING_COLUMN";

    /// <summary>An import file with more rows than one import takes (detail: the limit).</summary>
    public const string TooManyRows = "TOO_MANY_ROWS";

    /// <summary>An import file with a header and no row under it.</summary>
    public const string NoRows = "NO_ROWS";

    /// <summary>An import file that is neither an xlsx workbook nor CSV text.</summary>
    public const string UnreadableFile = "UNREADABLE_FILE";

    public static IReadOnlyList<string> All { get; } =
    [
        NotFound, AgentCodeTaken, UsccTaken, UnknownCustomer, UnknownAgent, PenaltyNotApplicable, DisqualificationIrreversible,
        TooManyRequests, NotOnOwnAccount, UnknownRole, AgentOnlyForReseller, EmailTaken, PasswordTooWeak, NotAnInvestigator,
        NotProtected, AlreadyHolder,
        OutsideYourRegions, RegionsOnlyForManager, NationalPriceList,
        DuplicateInFile, AlreadyExists, UnknownColumn, MissingColumn, TooManyRows, NoRows, UnreadableFile,
    ];
}
