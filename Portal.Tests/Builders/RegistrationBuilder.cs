using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;

namespace Portal.Tests.Builders;

/// <summary>
/// A registration and everything around it, clean by default (an Active Core agent in Guangzhou registering a free
/// customer in Tianhe at the uniform price); each method adds one circumstance.
/// </summary>
internal sealed class RegistrationBuilder
{
    private readonly AgentSnapshot _agent;
    private readonly List<RequestedLine> _lines = [];
    private readonly List<ProtectionSnapshot> _protections = [];
    private readonly List<AuthorizationSnapshot> _authorizations = [];
    private readonly List<CustomerSnapshot> _nameMatches = [];
    private readonly List<PastRegistration> _past = [];
    private string _customerName = "广州天河家居服务有限公司";
    private string _region = "440106";
    private int? _customerId;
    private int _openRegistrations;
    private PriceList _prices = PriceListBuilder.Demo().Build();
    private readonly ChannelPolicy _policy = ChannelPolicy.Default;
    private DateTime _at = TestTime.Now;

    private RegistrationBuilder(AgentSnapshot agent) => _agent = agent;

    public const string CustomerOrganizationBody = "MA5C0105";

    public static RegistrationBuilder For(AgentSnapshot agent) => new(agent);

    public static RegistrationBuilder ForCoreGz() => new(DemoAgents.CoreGz());

    public AgentSnapshot Agent => _agent;

    public Uscc CustomerUscc => CustomerBuilder.UsccIn(_region, CustomerOrganizationBody);

    public RegistrationBuilder CustomerIn(string region)
    {
        _region = region;
        return this;
    }

    public RegistrationBuilder CustomerNamed(string name)
    {
        _customerName = name;
        return this;
    }

    public RegistrationBuilder OnFile(int customerId)
    {
        _customerId = customerId;
        return this;
    }

    public RegistrationBuilder Line(string sku, int quantity, decimal unitPrice)
    {
        _lines.Add(new RequestedLine(sku, quantity, unitPrice));
        return this;
    }

    public RegistrationBuilder ProtectedBy(int agentId, DateTime? since = null, DateTime? until = null)
    {
        _protections.Add(CustomerBuilder.ProtectedBy(agentId, since ?? _at.AddDays(-10), until ?? _at.AddDays(80), _customerId ?? 500));
        return this;
    }

    public RegistrationBuilder Protection(ProtectionSnapshot protection)
    {
        _protections.Add(protection);
        return this;
    }

    public RegistrationBuilder Authorized(string region, DateOnly from, DateOnly until, AuthorizationStatus status = AuthorizationStatus.Approved, int? customerId = null, int? agentId = null)
    {
        _authorizations.Add(new AuthorizationSnapshot(_authorizations.Count + 1, agentId ?? _agent.Id, RegionCode.Parse(region), customerId, from, until, status));
        return this;
    }

    public RegistrationBuilder SameNameCustomer(string region, string organizationBody = "MA5C0999", string? name = null)
    {
        _nameMatches.Add(CustomerBuilder.Existing(900 + _nameMatches.Count, name ?? _customerName, region, organizationBody));
        return this;
    }

    public RegistrationBuilder OpenRegistrations(int count)
    {
        _openRegistrations = count;
        return this;
    }

    public RegistrationBuilder Earlier(DealStatus status, DateTime? protectedUntil)
    {
        _past.Add(new PastRegistration(_past.Count + 1, status, protectedUntil));
        return this;
    }

    public RegistrationBuilder LetExpire(DateTime protectedUntil) => Earlier(DealStatus.Expired, protectedUntil);

    public RegistrationBuilder Prices(PriceList prices)
    {
        _prices = prices;
        return this;
    }

    public RegistrationBuilder Monitor()
    {
        _policy.PricePolicy.Mode = PriceMode.Monitor;
        return this;
    }

    public RegistrationBuilder Policy(Action<ChannelPolicy> configure)
    {
        configure(_policy);
        return this;
    }

    public RegistrationBuilder At(DateTime at)
    {
        _at = at;
        return this;
    }

    public RegistrationRequest Request => new(
        new RegistrationCustomer(CustomerUscc, _customerName, RegionCode.Parse(_region), CustomerSegment.GovernmentEnterprise),
        _lines.Count > 0 ? _lines : [new RequestedLine("OIS-STD", 10, 1980.00m)],
        DateOnly.FromDateTime(_at).AddDays(30));

    public RegistrationContext Context => new(_agent, _customerId, _protections, _authorizations, _nameMatches, _openRegistrations, _past, _prices);

    public RegistrationDecision Decide() => DealRegistrationRules.Decide(Request, Context, _policy, _at);

    public RegistrationDecision ApproveAfterReview() => DealRegistrationRules.ApproveAfterReview(Request.Customer, Context, _policy, _at);
}
