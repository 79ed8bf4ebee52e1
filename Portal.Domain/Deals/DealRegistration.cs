using Portal.Domain.Common;

namespace Portal.Domain.Deals;

/// <summary>A deal registration (报备): an agent's claim on a customer for the products it expects to sell.</summary>
public sealed class DealRegistration
{
    public const int ReasonTextMaxLength = 1000;

    private readonly List<DealLine> _lines = [];
    private readonly List<DealReason> _reasons = [];

    private DealRegistration()
    {
    }

    public DealRegistration(int agentId, int customerId, DateOnly expectedCloseDate, IEnumerable<DealLine> lines, DateTime createdAt)
    {
        AgentId = agentId;
        CustomerId = customerId;
        ExpectedCloseDate = expectedCloseDate;
        _lines.AddRange(lines);
        CreatedAt = Guard.Utc(createdAt, nameof(createdAt));
        Status = DealStatus.Draft;
    }

    public int Id { get; private set; }

    public int AgentId { get; private set; }

    public int CustomerId { get; private set; }

    public DealStatus Status { get; private set; }

    public DateOnly ExpectedCloseDate { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>Until when the registration protects its customer (set on approval, moved by an extension).</summary>
    public DateTime? ProtectedUntil { get; private set; }

    public bool ExtensionUsed { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<DealLine> Lines => _lines.AsReadOnly();

    public IReadOnlyCollection<DealReason> Reasons => _reasons.AsReadOnly();

    public decimal Total => _lines.Sum(l => Money.Round(l.UnitPrice * l.Quantity));

    /// <summary>Records an approved registration directly (demo data); live registrations go through the state machine.</summary>
    public void RecordApproved(DateTime at, DateTime protectedUntil)
    {
        SubmittedAt = at;
        DecidedAt = at;
        ProtectedUntil = protectedUntil;
        Status = DealStatus.Approved;
        Version++;
    }
}
