using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Audit;

namespace Portal.Features.Deals;

/// <summary>
/// One row of a deal list. ProtectedUntil is the last business day the deal's agent protects the customer
/// (while the deal is in force or won) — the same day the deal's page and the API show. DecideBy, while the deal waits
/// for a manager (held for review or an extension requested), is the last business day of that decision (ADR 28).
/// </summary>
public sealed record DealRow(int Id, string CustomerName, string CustomerUscc, string RegionCode, string AgentCode, DealStatus Status, decimal Total, DateTime CreatedAt, DateOnly ExpectedCloseDate, DateOnly? ProtectedUntil, DateOnly? DecideBy = null);

/// <summary>
/// What a deal list is filtered by; every part optional. <see cref="Reason"/> a reason code the decision carries
/// (<c>CUSTOMER_PROTECTED</c>: a refused conflict); <see cref="Owner"/> a reseller's own deals or its sub-agents';
/// <see cref="SoldFrom"/>/<see cref="SoldTo"/> the business days a sale of the deal was made between (both included).
/// </summary>
public sealed record DealFilter(
    DealStatus? Status = null,
    string? Customer = null,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<DealStatus>? Statuses = null,
    string? Reason = null,
    DealOwner? Owner = null,
    DateOnly? SoldFrom = null,
    DateOnly? SoldTo = null);

/// <summary>Whose deals a reseller lists: its own agent's, or those of the agents below it.</summary>
public enum DealOwner
{
    Own,
    SubAgents,
}

/// <summary>
/// A deal as its detail page and <c>GET /api/v1/deals/{id}</c> show it. <see cref="ProtectedUntil"/> is the last business
/// day the deal's agent protects the customer now — after a sale it runs AfterSaleMonths, beyond the registration's end.
/// <see cref="DecideBy"/>, while a decision is pending, is its last business day: after it the default outcome applies (ADR 28).
/// </summary>
public sealed record DealDetail(
    int Id,
    DealStatus Status,
    string AgentCode,
    string AgentName,
    DealCustomer Customer,
    IReadOnlyList<DealLineView> Lines,
    IReadOnlyList<Reason> Reasons,
    DateOnly ExpectedCloseDate,
    DateTime CreatedAt,
    DateTime? DecidedAt,
    DateOnly? ProtectedUntil,
    bool ExtensionUsed,
    string? ExtensionReason,
    string? DecisionNote,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ActionAvailability<DealAction>> Actions,
    IReadOnlyList<SaleView> Sales,
    DateOnly? DecideBy = null)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

public sealed record DealCustomer(int Id, string Uscc, string LegalName, string RegionCode, string RegionNameZh, string RegionNameEn, CustomerSegment Segment);

public sealed record DealLineView(string Sku, int Quantity, decimal UnitPrice, decimal UniformPrice, decimal PurchasePrice)
{
    public decimal Amount => Money.Round(UnitPrice * Quantity);

    public decimal Margin => Money.Round((UnitPrice - PurchasePrice) * Quantity);
}

/// <summary>A customer the caller already works with, offered by the registration form's search.</summary>
public sealed record CustomerMatch(string Uscc, string LegalName, string RegionCode, CustomerSegment Segment);

/// <summary>A sales report of the deal: what was sold, at which price, next to the uniform price.</summary>
public sealed record SaleView(int Id, DateOnly SoldOn, string ReportedBy, IReadOnlyList<SoldLineView> Lines);

public sealed record SoldLineView(string Sku, int Quantity, decimal UnitPrice, decimal UniformPrice)
{
    public bool IsBelowUniformPrice => UnitPrice < UniformPrice;
}
