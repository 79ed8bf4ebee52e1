using Portal.Domain.Common;
using Portal.Domain.Deals;

namespace Portal.Features.Deals;

/// <summary>
/// A stored registration (DESIGN.md §7: 201 whether Approved, PendingReview or Rejected by a rule), with every reason the
/// rules gave and, when approved, the last business day its customer is protected.
/// </summary>
public sealed record DealRegistered(int Id, DealStatus Status, IReadOnlyList<Reason> Reasons, DateOnly? ProtectedUntil);

/// <summary>
/// A deal after an action on it: its status now, the last business day its agent protects the customer (if it does),
/// and what the decision said (an approval the rules turned into a rejection lists why).
/// </summary>
public sealed record DealChanged(int Id, DealStatus Status, DateOnly? ProtectedUntil, IReadOnlyList<Reason> Reasons);

/// <summary>
/// A reported sale: the deal is Won. <see cref="Notes"/> say what the report set off — a line below the uniform price
/// (<c>PRICE_NOT_UNIFORM</c>), a sale outside the territory (<c>OUT_OF_TERRITORY</c>), a customer another agent holds
/// (<c>CUSTOMER_PROTECTED</c>: no protection granted) — and <see cref="OpenedCaseIds"/> the violation cases opened.
/// </summary>
public sealed record SaleReported(int Id, int DealId, DealStatus Status, DateOnly? ProtectedUntil, IReadOnlyList<Reason> Notes, IReadOnlyList<int> OpenedCaseIds);

/// <summary>
/// <c>{available, protectedUntil?}</c> — never the holder. <see cref="HeldByCaller"/> only tells the caller that the
/// customer is its own.
/// </summary>
public sealed record Availability(bool Available, DateOnly? ProtectedUntil, bool HeldByCaller);
