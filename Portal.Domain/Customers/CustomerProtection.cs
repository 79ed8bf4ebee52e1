namespace Portal.Domain.Customers;

/// <summary>
/// Customer protection (客户保护): the agent that holds a customer, from <see cref="Since"/> until
/// <see cref="Until"/>. A protection is open while <see cref="EndedAt"/> is null; the database allows at most one
/// open protection per customer (see docs/decisions/0004-race-free-customer-protection.md).
/// </summary>
public sealed class CustomerProtection
{
    private CustomerProtection()
    {
    }

    public CustomerProtection(int customerId, int agentId, ProtectionBasis basis, DateTime since, DateTime until, int? dealId)
    {
        if (until <= since)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "A protection ends after it starts.");
        }

        CustomerId = customerId;
        AgentId = agentId;
        Basis = basis;
        Since = since;
        Until = until;
        DealId = dealId;
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    public int AgentId { get; private set; }

    public ProtectionBasis Basis { get; private set; }

    public int? DealId { get; private set; }

    public DateTime Since { get; private set; }

    public DateTime Until { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public ProtectionEnd? EndReason { get; private set; }

    public bool IsOpen => EndedAt is null;

    /// <summary>In force at an instant: open and not yet lapsed.</summary>
    public bool IsInForceAt(DateTime at) => EndedAt is null && Since <= at && at < Until;

    public void End(DateTime at, ProtectionEnd reason)
    {
        if (EndedAt is not null)
        {
            return;
        }

        // Never before it began, never after it lapsed.
        EndedAt = at < Since ? Since : at < Until ? at : Until;
        EndReason = reason;
    }

    public void ExtendTo(DateTime until)
    {
        if (until > Until)
        {
            Until = until;
        }
    }
}
