namespace Portal.Features.Authorizations;

/// <summary>The request form's model: the date pickers work with <see cref="DateTime"/>, the use case with days.</summary>
public sealed class AuthorizationRequestForm
{
    public string? RegionCode { get; set; }

    public string? CustomerUscc { get; set; }

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidUntil { get; set; }

    public string? Reason { get; set; }

    /// <summary>An empty request for a window of <paramref name="days"/> days from the business day <paramref name="today"/>.</summary>
    public static AuthorizationRequestForm Starting(DateOnly today, int days = 30) => new()
    {
        ValidFrom = today.ToDateTime(TimeOnly.MinValue),
        ValidUntil = today.AddDays(days).ToDateTime(TimeOnly.MinValue),
    };

    public AuthorizationRequestInput ToInput() => new()
    {
        RegionCode = RegionCode,
        CustomerUscc = string.IsNullOrWhiteSpace(CustomerUscc) ? null : CustomerUscc.Trim().ToUpperInvariant(),
        ValidFrom = ValidFrom is { } from ? DateOnly.FromDateTime(from) : null,
        ValidUntil = ValidUntil is { } until ? DateOnly.FromDateTime(until) : null,
        Reason = Reason,
    };
}
