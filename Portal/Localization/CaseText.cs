using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Compliance;
using Portal.Features.Compliance;

namespace Portal.Localization;

/// <summary>
/// A case's description in the reader's language: an automatically detected case is worded from its stored facts
/// (<see cref="DetectedFacts"/>) with <c>Case_Detected_*</c> sentences; any other is the text a person wrote.
/// </summary>
public static class CaseText
{
    public static string Description(IStringLocalizer localizer, CaseDetail detail)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(detail);
        if (detail.Facts is not { } facts)
        {
            return detail.Description;
        }

        if (detail.Type == ViolationType.DiscountSelling && facts.Lines.Count > 0)
        {
            var separator = localizer["Case_Detected_Separator"].Value;
            var lines = string.Join(separator, facts.Lines.Select(l => localizer["Case_Detected_Line", l.Sku, l.Quantity, Money(l.UnitPrice), Money(l.UniformPrice)].Value));
            return localizer["Case_Detected_DiscountSelling", lines].Value;
        }

        if (facts.Region is { } code)
        {
            var chinese = PortalCultures.IsChinese(CultureInfo.CurrentUICulture);
            var name = detail.FactsRegion is { } region ? (chinese ? region.NameZh : region.NameEn) : code;
            return localizer["Case_Detected_CrossRegion", name, code].Value;
        }

        return detail.Description;
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
