using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;

namespace Portal.Features.Deals;

/// <summary>The registration page's input model: what the reseller types, turned into the API's body shape.</summary>
public sealed class RegistrationForm
{
    public string? Uscc { get; set; }

    public string? Name { get; set; }

    public string? RegionCode { get; set; }

    public CustomerSegment Segment { get; set; } = CustomerSegment.GovernmentEnterprise;

    public List<LineForm> Lines { get; } = [new LineForm()];

    public DateTime? ExpectedCloseDate { get; set; }

    public DealRegistrationInput ToInput() => new(
        new CustomerInput(Uscc, Name, RegionCode, Segment.ToString()),
        Lines.Select(l => new LineInput(l.Sku, l.Quantity, l.UnitPrice)).ToList(),
        ExpectedCloseDate is { } date ? DateOnly.FromDateTime(date) : null);
}

/// <summary>One product line of the form. The unit price is the uniform price, filled in and not editable.</summary>
public sealed class LineForm
{
    public string? Sku { get; set; }

    public decimal? Quantity { get; set; } = 1;

    public decimal? UnitPrice { get; set; }
}
