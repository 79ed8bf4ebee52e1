namespace Portal.Domain.Customers;

/// <summary>Why an agent holds a customer.</summary>
public enum ProtectionBasis
{
    /// <summary>An approved deal registration (报备).</summary>
    Registration,

    /// <summary>A won deal with a sales report: the agent's developed customer.</summary>
    Sale,

    /// <summary>Passed to the parent when the holder was disqualified.</summary>
    Inherited,

    /// <summary>Given by a ChannelManager's arbitration (moved from another agent), with a written reason.</summary>
    Arbitration,

    /// <summary>Given by a ChannelManager's import of customers with their holder, for a registration's period (ADR 30).</summary>
    Imported,
}
