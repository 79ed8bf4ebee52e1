using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// The names of input fields that reasons and field errors point at. For deals and sales they are the JSON paths of
/// the API bodies in DESIGN.md §7, so a client can put a message next to the field it sent, and a form can map them
/// to its own inputs.
/// </summary>
public static class InputField
{
    public const string CustomerUscc = "customer.uscc";
    public const string CustomerName = "customer.name";
    public const string CustomerRegionCode = "customer.regionCode";
    public const string CustomerSegment = "customer.segment";
    public const string Customer = "customer";
    public const string Lines = "lines";
    public const string ExpectedCloseDate = "expectedCloseDate";
    public const string SoldOn = "soldOn";

    /// <summary>A written reason (an extension request, a penalty harsher than the ladder).</summary>
    public const string WrittenReason = "reason";

    /// <summary>The penalty Compliance chose.</summary>
    public const string Penalty = "kind";

    /// <summary>An uploaded file (evidence).</summary>
    public const string File = "file";

    /// <summary>An agent's (or a recruit's) USCC, tier and territory.</summary>
    public const string Uscc = "uscc";

    public const string Tier = "tier";
    public const string Territory = "territory";

    public static string Line(int index) => Indexed(Lines, index);

    public static string LineSku(int index) => Line(index) + ".sku";

    public static string LineQuantity(int index) => Line(index) + ".quantity";

    public static string LineUnitPrice(int index) => Line(index) + ".unitPrice";

    public static string TerritoryEntry(int index) => Indexed(Territory, index);

    private static string Indexed(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
