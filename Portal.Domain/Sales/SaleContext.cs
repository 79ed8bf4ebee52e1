using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;

namespace Portal.Domain.Sales;

/// <summary>What evaluating a sales report needs: the selling agent, the customer's region, the agent's authorizations, the prices.</summary>
public sealed record SaleContext(AgentSnapshot Agent, int CustomerId, RegionCode CustomerRegion, IReadOnlyList<AuthorizationSnapshot> Authorizations, PriceList Prices);
