using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Sales;
using Portal.Tests.Builders;
using static Portal.Domain.Deals.DealAction;
using static Portal.Domain.Deals.DealStatus;

namespace Portal.Tests.StateMachines;

/// <summary>DESIGN.md §5.2 written down as a table, and one way to take each action with arguments of a test's choosing.</summary>
internal static class DealRegistrationDesign
{
    public static readonly IReadOnlyDictionary<(DealStatus From, DealAction Action), DealStatus> Allowed =
        new Dictionary<(DealStatus, DealAction), DealStatus>
        {
            [(Draft, Submit)] = Submitted,
            [(Submitted, Approve)] = Approved,
            [(Submitted, SendToReview)] = PendingReview,
            [(Submitted, Reject)] = Rejected,
            [(PendingReview, Approve)] = Approved,
            [(PendingReview, Reject)] = Rejected,
            [(Approved, ReportSale)] = Won,
            [(Approved, MarkLost)] = Lost,
            [(Approved, DealAction.Expire)] = DealStatus.Expired,
            [(Approved, Cancel)] = Cancelled,
            [(Approved, RequestExtension)] = ExtensionRequested,
            [(ExtensionRequested, GrantExtension)] = Approved,
            [(ExtensionRequested, RefuseExtension)] = Approved,
            [(PendingReview, TimeOut)] = Rejected,
            [(ExtensionRequested, TimeOut)] = Approved,
        };

    public static readonly DealStatus[] Terminal = [Rejected, Won, Lost, DealStatus.Expired, Cancelled];

    /// <summary>A moment at which the guards of the action hold for a builder-made registration.</summary>
    public static DateTime MomentFor(DealAction action) => action is DealAction.Expire or TimeOut ? DealBuilder.ProtectedUntil : DealBuilder.RequestedAt;

    /// <summary>Takes <paramref name="action"/> at <paramref name="now"/>; returns whether the arguments used were valid.</summary>
    public static bool Do(DealRegistration deal, DealAction action, DateTime now, bool wantInvalid = false, Random? random = null)
    {
        switch (action)
        {
            case Submit:
                deal.Submit(wantInvalid ? DateTime.SpecifyKind(now, DateTimeKind.Local) : now);
                return !wantInvalid;
            case Approve:
                deal.Approve(now, wantInvalid ? now.AddHours(-1) : now.AddDays(random?.Next(1, 120) ?? 90), random?.Next(2) == 0 ? null : "人工复核通过");
                return !wantInvalid;
            case SendToReview:
                deal.SendToReview(wantInvalid ? [] : [DealBuilder.Reason()]);
                deal.SetReviewDeadline(now.AddDays(3));
                return !wantInvalid;
            case Reject:
                deal.Reject(wantInvalid ? [] : [DealBuilder.Reason(ReasonCode.CustomerProtected)], now);
                return !wantInvalid;
            case ReportSale:
                deal.ReportSale(wantInvalid ? SaleOfAnother(deal) : DealBuilder.SaleOf(deal));
                return !wantInvalid;
            case MarkLost:
                deal.MarkLost();
                return true;
            case DealAction.Expire:
                deal.Expire(now);
                return true;
            case Cancel:
                deal.Cancel();
                return true;
            case RequestExtension:
                deal.RequestExtension(wantInvalid ? "   " : "客户采购流程延长", now);
                deal.SetReviewDeadline(deal.ProtectedUntil < now.AddDays(3) ? deal.ProtectedUntil.Value : now.AddDays(3));
                return !wantInvalid;
            case GrantExtension:
                var current = deal.ProtectedUntil ?? now;
                deal.GrantExtension(wantInvalid ? current.AddDays(-1) : current.AddDays(random?.Next(1, 120) ?? 90));
                return !wantInvalid;
            case RefuseExtension:
                deal.RefuseExtension(wantInvalid ? string.Empty : "保护期足够");
                return !wantInvalid;
            case TimeOut:
                deal.TimeOut(now);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static SalesReport SaleOfAnother(DealRegistration deal) =>
        new(deal.Id + 1, deal.AgentId, deal.CustomerId, new DateOnly(2026, 4, 1), [], TestTime.Now, "someone@channels.local");
}
