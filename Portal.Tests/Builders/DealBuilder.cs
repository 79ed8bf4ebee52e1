using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Sales;

namespace Portal.Tests.Builders;

/// <summary>Builds a deal registration and drives it to a state through its own methods.</summary>
internal sealed class DealBuilder
{
    public static readonly DateTime SubmittedAt = TestTime.Now;
    public static readonly DateTime ProtectedUntil = TestTime.Days(90);
    public static readonly DateTime RequestedAt = TestTime.Days(10);

    /// <summary>When a held registration's review times out.</summary>
    public static readonly DateTime ReviewDeadline = TestTime.Days(3);

    /// <summary>When an extension request times out (before the protection ends).</summary>
    public static readonly DateTime ExtensionDeadline = TestTime.Days(13);

    private DealStatus _status = DealStatus.Draft;
    private bool _extensionUsed;

    public static DealBuilder Draft() => new();

    public static DealBuilder In(DealStatus status) => new() { _status = status };

    /// <summary>The registration's one extension request was made and refused before it reached the state asked for.</summary>
    public DealBuilder WithExtensionUsed()
    {
        _extensionUsed = true;
        return this;
    }

    public static DealReason Reason(string code = ReasonCode.PossibleDuplicate) => new(code, "customer.legalName");

    public static SalesReport SaleOf(DealRegistration deal) =>
        new(deal.Id, deal.AgentId, deal.CustomerId, DateOnly.FromDateTime(TestTime.Days(20)), [new SalesReportLine("OIS-STD", 10, 1980m, 1980m)], TestTime.Days(21), "tianhe@channels.local");

    public DealRegistration Build()
    {
        var deal = new DealRegistration(3, 5, new DateOnly(2026, 4, 30), [new DealLine("OIS-STD", 10, 1980m, 1980m, 1386m)], TestTime.Now);
        if (_status == DealStatus.Draft)
        {
            return deal;
        }

        deal.Submit(SubmittedAt);
        switch (_status)
        {
            case DealStatus.Submitted:
                break;
            case DealStatus.PendingReview:
                deal.SendToReview([Reason()]);
                deal.SetReviewDeadline(ReviewDeadline);
                break;
            case DealStatus.Rejected:
                deal.Reject([Reason(ReasonCode.CustomerProtected)], SubmittedAt);
                break;
            default:
                deal.Approve(SubmittedAt, ProtectedUntil);
                if (_extensionUsed)
                {
                    deal.RequestExtension("客户采购流程延长", RequestedAt);
                    deal.RefuseExtension("保护期足够");
                }

                Finish(deal);
                break;
        }

        Assert.Equal(_status, deal.Status);
        return deal;
    }

    private void Finish(DealRegistration deal)
    {
        switch (_status)
        {
            case DealStatus.Approved:
                break;
            case DealStatus.ExtensionRequested:
                deal.RequestExtension("客户采购流程延长", RequestedAt);
                deal.SetReviewDeadline(ExtensionDeadline);
                break;
            case DealStatus.Won:
                deal.ReportSale(SaleOf(deal));
                break;
            case DealStatus.Lost:
                deal.MarkLost();
                break;
            case DealStatus.Expired:
                deal.Expire(ProtectedUntil);
                break;
            case DealStatus.Cancelled:
                deal.Cancel();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(deal), _status, null);
        }
    }
}
