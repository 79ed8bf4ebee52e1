namespace Portal.Features.Authorizations;

/// <summary>The request form's model: the date pickers work with <see cref="DateTime"/>, the use case with days.</summary>
public sealed class AuthorizationRequestForm
{
    public string? RegionCode { get; set; }

    public string? CustomerUscc { get; set; }

    public DateTime? ValidFrom { get; set; } = DateTime.Today;

    public DateTime? ValidUntil { get; set; } = DateTime.Today.AddDays(30);

    public string? Reason { get; set; }

    public AuthorizationRequestInput ToInput() => new()
    {
        RegionCode = RegionCode,
        CustomerUscc = string.IsNullOrWhiteSpace(CustomerUscc) ? null : CustomerUscc.Trim().ToUpperInvariant(),
        ValidFrom = ValidFrom is { } from ? DateOnly.FromDateTime(from) : null,
        ValidUntil = ValidUntil is { } until ? DateOnly.FromDateTime(until) : null,
        Reason = Reason,
    };
}
