namespace Portal.Domain.Audit;

/// <summary>
/// Every act the audit log records, by the name stored in <see cref="AuditEntry.Action"/> (and hashed into the chain:
/// never rename a member, only add). The portal shows each as <c>AuditAction_&lt;Name&gt;</c> in the reader's language.
/// </summary>
public enum AuditAction
{
    // Deals (entity Deal): registration, review, what the reseller does with it, and what time and the cascade do to it.
    DealRegistered,
    ReviewedDealApproved,
    ReviewedDealRejected,
    DealWon,
    DealLost,
    ExtensionRequested,
    ExtensionGranted,
    ExtensionRefused,
    DealExpired,
    DealCancelled,
    DealRejected,
    DealReviewTimedOut,
    ExtensionTimedOut,

    // Customers (entity Customer, by USCC) and their protections (entity CustomerProtection).
    CustomerAvailabilityChecked,
    VendorDirectSale,
    VendorDirectSaleBlocked,
    ProtectionExpired,
    ProtectionReleased,
    ProtectionTransferred,

    // Violation cases (entity ViolationCase).
    ViolationReported,
    ViolationDetected,
    ViolationCaseOpened,
    CaseInvestigationStarted,
    CaseSubjectIdentified,
    CaseEvidenceAdded,
    CaseNoteAdded,
    CaseConfirmed,
    CaseDismissed,
    CasePenalized,
    CaseAppealed,
    CasePenaltyUpheld,
    CasePenaltyLifted,
    CaseClosed,

    // Agents (entity Agent): recruitment, signing, grading, contract.
    AgentRecruited,
    AgentSignedDirectly,
    AgentApplicationReviewStarted,
    AgentApplicationApproved,
    AgentApplicationRejected,
    AgentApplicationTimedOut,
    AgentRegraded,
    AgentSuspended,
    AgentReinstated,
    AgentContractRenewed,
    AgentContractExpired,
    AgentTerminated,
    AgentRevoked,
    AgentReparented,

    // Cross-region authorizations (entity CrossRegionAuthorization).
    AuthorizationRequested,
    AuthorizationApproved,
    AuthorizationRejected,
    AuthorizationRevoked,
    AuthorizationExpired,
    AuthorizationLapsed,

    // Accounts and sessions (entity User; a refused request: entity Request).
    UserCreated,
    PasswordReset,
    UserLocked,
    UserUnlocked,
    UserDisabled,
    UserEnabled,
    UserRoleChanged,
    UserRegionsChanged,
    SignIn,
    SignInFailed,
    SignInLockedOut,
    SignInRefusedDisabled,
    AuthorizationDenied,

    // The price list (entity PriceListVersion, by number; entity Product, by SKU).
    PriceVersionPublished,
    PriceVersionAcknowledged,
    ProductRetired,

    // Imports of agents or customers from a file (entity Import, by kind): one entry for the whole file.
    ImportCompleted,

    // The database itself (entity Database).
    DemoDataSeeded,
    SyntheticDataSeeded,
}
