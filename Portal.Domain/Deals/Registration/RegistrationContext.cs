using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Pricing;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// What the registration rules need from the database, read by the application in the registering transaction.
/// </summary>
/// <param name="Agent">The registering agent.</param>
/// <param name="CustomerId">The customer's id when it is already on file (customer-specific authorizations match it), else null.</param>
/// <param name="CustomerProtections">The customer's open protections (lapsed ones too: the rule judges them at the instant).</param>
/// <param name="Authorizations">The agent's cross-region authorizations (any state: the rule picks the valid ones).</param>
/// <param name="NameMatches">Customers in the same city with the same normalized name (the rule re-checks both and the USCC).</param>
/// <param name="OpenRegistrationCount">The agent's open registrations (<see cref="DealStatusGroups.IsOpen"/>), not counting this one.</param>
/// <param name="PastRegistrations">The agent's earlier registrations of this customer.</param>
/// <param name="Prices">The price list.</param>
public sealed record RegistrationContext(
    AgentSnapshot Agent,
    int? CustomerId,
    IReadOnlyList<ProtectionSnapshot> CustomerProtections,
    IReadOnlyList<AuthorizationSnapshot> Authorizations,
    IReadOnlyList<CustomerSnapshot> NameMatches,
    int OpenRegistrationCount,
    IReadOnlyList<PastRegistration> PastRegistrations,
    PriceList Prices);
