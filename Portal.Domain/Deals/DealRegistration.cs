using Portal.Domain.Common;

namespace Portal.Domain.Deals;

/// <summary>
/// A deal registration (报备): an agent's claim on a customer for the products it expects to sell. Its life is a state
/// machine (DealRegistration.StateMachine.cs).
/// </summary>
public sealed partial class DealRegistration
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

    /// <summary>When the registration was approved or rejected.</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Until when the registration protects its customer (set on approval, moved by an extension).</summary>
    public DateTime? ProtectedUntil { get; private set; }

    /// <summary>The one extension request has been made (granted, refused or pending).</summary>
    public bool ExtensionUsed { get; private set; }

    /// <summary>The written reason given with the extension request.</summary>
    public string? ExtensionReason { get; private set; }

    /// <summary>The note of the latest decision: approval, rejection, or the answer to an extension request.</summary>
    public string? DecisionNote { get; private set; }

    /// <summary>
    /// When the pending decision (a held registration or an extension request) gets its default outcome (ADR 28); set
    /// when the registration starts waiting, kept afterwards as history.
    /// </summary>
    public DateTime? ReviewDeadline { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<DealLine> Lines => _lines.AsReadOnly();

    public IReadOnlyCollection<DealReason> Reasons => _reasons.AsReadOnly();

    public decimal Total => _lines.Sum(l => Money.Round(l.UnitPrice * l.Quantity));
}
