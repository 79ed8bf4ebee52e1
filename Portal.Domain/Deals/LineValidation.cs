using Portal.Domain.Common;

namespace Portal.Domain.Deals;

/// <summary>The input checks every list of product lines gets (registrations and sales reports).</summary>
internal static class LineValidation
{
    public const int MaxLines = 100;

    /// <summary>
    /// Validates the lines; <paramref name="canonicalSku"/> returns the SKU as the price list spells it, or null when
    /// the product cannot be priced (UNKNOWN_PRODUCT).
    /// </summary>
    public static List<RequestedLine> Validate(IReadOnlyList<LineInput?>? lines, Func<string, string?> canonicalSku, List<FieldError> errors)
    {
        var valid = new List<RequestedLine>();
        if (lines is null || lines.Count == 0)
        {
            errors.Add(new FieldError(InputField.Lines, ReasonCode.Required));
            return valid;
        }

        if (lines.Count > MaxLines)
        {
            errors.Add(new FieldError(InputField.Lines, ReasonCode.TooLong));
            return valid;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (Validate(lines[i], i, canonicalSku, errors) is { } line)
            {
                valid.Add(line);
            }
        }

        return valid;
    }

    private static RequestedLine? Validate(LineInput? line, int index, Func<string, string?> canonicalSku, List<FieldError> errors)
    {
        if (line is null)
        {
            errors.Add(new FieldError(InputField.Line(index), ReasonCode.Required));
            return null;
        }

        var before = errors.Count;
        string? sku = null;
        if (string.IsNullOrWhiteSpace(line.Sku))
        {
            errors.Add(new FieldError(InputField.LineSku(index), ReasonCode.Required));
        }
        else if ((sku = canonicalSku(line.Sku.Trim())) is null)
        {
            errors.Add(new FieldError(InputField.LineSku(index), ReasonCode.UnknownProduct));
        }

        if (line.Quantity is not { } quantity)
        {
            errors.Add(new FieldError(InputField.LineQuantity(index), ReasonCode.Required));
        }
        else if (quantity <= 0 || quantity != decimal.Truncate(quantity) || quantity > int.MaxValue)
        {
            errors.Add(new FieldError(InputField.LineQuantity(index), ReasonCode.InvalidQuantity));
        }

        if (line.UnitPrice is not { } price)
        {
            errors.Add(new FieldError(InputField.LineUnitPrice(index), ReasonCode.Required));
        }
        else if (price < 0 || Money.Round(price) != price)
        {
            errors.Add(new FieldError(InputField.LineUnitPrice(index), ReasonCode.InvalidPrice));
        }

        return errors.Count == before ? new RequestedLine(sku!, (int)line.Quantity!.Value, line.UnitPrice!.Value) : null;
    }
}
