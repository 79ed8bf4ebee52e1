namespace Portal.Domain.Audit;

/// <summary>
/// The kinds of record the audit log speaks of, by the name stored in <see cref="AuditEntry.EntityType"/> (never rename
/// a member, only add). <see cref="AuditEntry.EntityId"/> is the record's id — a customer's USCC, a user's account id.
/// </summary>
public enum AuditEntity
{
    Deal,
    Customer,
    CustomerProtection,
    ViolationCase,
    Agent,
    CrossRegionAuthorization,
    User,
    Request,
    Database,
    PriceListVersion,
    Product,
    Import,
}
