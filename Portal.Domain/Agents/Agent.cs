using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Domain.Agents;

/// <summary>
/// An agent (reseller) company signed into the program, with its tier, parent and territory. Its contract is a state
/// machine (Agent.Contract.cs).
/// </summary>
public sealed partial class Agent
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 100;

    private readonly List<AgentTerritory> _territory = [];

    private Agent()
    {
    }

    public Agent(string code, string legalName, string uscc, AgentTier tier, Agent? parent, DateTime createdAt)
    {
        Code = Guard.Text(code, CodeMaxLength, nameof(code)).ToUpperInvariant();
        LegalName = Guard.Text(legalName, NameMaxLength, nameof(legalName));
        Uscc = uscc;
        Tier = tier;
        Parent = parent;
        Status = ContractStatus.Applied;
        CreatedAt = Guard.Utc(createdAt, nameof(createdAt));
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string LegalName { get; private set; } = string.Empty;

    public string Uscc { get; private set; } = string.Empty;

    public AgentTier Tier { get; private set; }

    public int? ParentId { get; private set; }

    public Agent? Parent { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateOnly? ContractStart { get; private set; }

    public DateOnly? ContractEnd { get; private set; }

    public DateTime? SuspendedUntil { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? ContactEmail { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When an application nobody decided is rejected (ADR 28); set when it is received.</summary>
    public DateTime? ReviewDeadline { get; private set; }

    /// <summary>Optimistic concurrency token; the application bumps it on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<AgentTerritory> Territory => _territory.AsReadOnly();

    public bool IsActive => Status == ContractStatus.Active;

    public void SetContacts(string? name, string? phone, string? email)
    {
        ContactName = name?.Trim();
        ContactPhone = phone?.Trim();
        ContactEmail = email?.Trim();
        Touch();
    }

    public void AssignTerritory(IEnumerable<RegionCode> regions)
    {
        _territory.Clear();
        foreach (var region in regions.Distinct())
        {
            _territory.Add(new AgentTerritory(this, region));
        }

        Touch();
    }

    /// <summary>Regional protection: does the agent's own territory cover this region?</summary>
    public bool Covers(RegionCode region) => _territory.Exists(t => t.Region.Contains(region));

    private void Touch() => Version++;
}
