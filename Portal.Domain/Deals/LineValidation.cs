using Portal.Domain.Common;

namespace Portal.Domain.Deals;

/// <summary>The input checks every list of product lines gets (registrations and sales reports).</summary>
internal static class LineValidation
{
    public const int MaxLines = 100;

    /// <summary>
    /// Validates the lines; <paramref name="canonicalSku"/> returns the SKU as the price list spells it, or null when
    /// the product cannot be priced (UNKNOWN_PRODUCT); <paramref name="retired"/>, when given, says which products may no
    /// longer be sold (PRODUCT_RETIRED: a new registration; a sale on a deal registered before the retirement is a fact).
    /// </summary>
    public static List<RequestedLine> Validate(IReadOnlyList<LineInput?>? lines, Func<string, string?> canonicalSku, InputCheck check, Func<string, bool>? retired = null)
    {
        var valid = new List<RequestedLine>();
        if (lines is null || lines.Count == 0)
        {
            check.Add(InputField.Lines, ReasonCode.Required);
            return valid;
        }

        if (lines.Count > MaxLines)
        {
            check.Add(InputField.Lines, ReasonCode.TooLong);
            return valid;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (Validate(lines[i], i, canonicalSku, retired, check) is { } line)
            {
                valid.Add(line);
            }
        }

        return valid;
    }

    private static RequestedLine? Validate(LineInput? line, int index, Func<string, string?> canonicalSku, Func<string, bool>? retired, InputCheck check)
    {
        if (line is null)
        {
            check.Add(InputField.Line(index), ReasonCode.Required);
            return null;
        }

        var skuField = InputField.LineSku(index);
        var text = check.Text(skuField, line.Sku, Catalog.Product.SkuMaxLength);
        var sku = text is null ? null : canonicalSku(text);
        if (text is not null && retired?.Invoke(text) == true)
        {
            check.Add(skuField, ReasonCode.ProductRetired);
            sku = null;
        }
        else if (text is not null && sku is null)
        {
            check.Add(skuField, ReasonCode.UnknownProduct);
        }

        int? quantity = null;
        if (check.Required(InputField.LineQuantity(index), line.Quantity) is { } number)
        {
            if (number <= 0 || number != decimal.Truncate(number) || number > InputLimits.MaxQuantity)
            {
                check.Add(InputField.LineQuantity(index), ReasonCode.InvalidQuantity);
            }
            else
            {
                quantity = (int)number;
            }
        }

        var price = check.Required(InputField.LineUnitPrice(index), line.UnitPrice);
        if (price is { } p && (p < 0 || p > InputLimits.MaxUnitPrice || Money.Round(p) != p))
        {
            check.Add(InputField.LineUnitPrice(index), ReasonCode.InvalidPrice);
            price = null;
        }

        return sku is not null && quantity is not null && price is not null ? new RequestedLine(sku, quantity.Value, price.Value) : null;
    }
}
