using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Policy;

namespace Portal.Domain.Sales;

/// <summary>Market monitoring on sales reports (DESIGN.md §4): facts are recorded as reported and judged afterwards.</summary>
public static class SalesReportRules
{
    /// <summary>
    /// Evaluates a validated report at <paramref name="at"/> (the reporting instant, UTC). Lines below the uniform
    /// price on the sale date open one DiscountSelling case that lists them; a customer outside the territory without
    /// an authorization valid on the sale date opens one CrossRegion case; and the customer becomes the agent's
    /// developed customer until soldOn + AfterSaleMonths.
    /// </summary>
    public static SalesEvaluation Evaluate(SalesReportRequest report, SaleContext context, ChannelPolicy policy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        Guard.Utc(at, nameof(at));

        var lines = new List<SoldLine>();
        var below = new List<PriceDeviation>();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];

            // Uniform national price: judged against the lowest uniform price in force on the sale date.
            var uniform = context.Prices.LowestUniformPriceOn(line.Sku, report.SoldOn)
                ?? throw new InvalidOperationException($"{line.Sku} has no uniform price on {report.SoldOn:O}; validate the report first.");
            var sold = new SoldLine(line.Sku, line.Quantity, line.UnitPrice, uniform);
            lines.Add(sold);
            if (sold.IsBelowUniformPrice)
            {
                below.Add(new PriceDeviation(i, line.Sku, line.Quantity, line.UnitPrice, uniform));
            }
        }

        var agentId = context.Agent.Id;
        var discountCase = below.Count > 0 ? new CaseToOpen(ViolationType.DiscountSelling, agentId, below) : null;

        // Regional protection: a sale outside the territory without an authorization valid on the sale date.
        var crossRegionCase = RegionalProtection.Permits(context.Agent, context.CustomerRegion, context.CustomerId, context.Authorizations, report.SoldOn)
            ? null
            : new CaseToOpen(ViolationType.CrossRegion, agentId, [], context.CustomerRegion);

        // Customer protection: a won deal with a sales report makes the customer the agent's developed customer,
        // protected for AfterSaleMonths after the sale, to the end of that business day.
        var until = policy.Calendar.EndOfDay(report.SoldOn.AddMonths(policy.Protection.AfterSaleMonths));

        return new SalesEvaluation(lines, discountCase, crossRegionCase, until > at ? until : null);
    }
}
