using Portal.Domain.Agents;

namespace Portal.Features.Recruitment;

/// <summary>The direct-signing form's model: the territory is built one region at a time, the dates as the pickers hold them.</summary>
public sealed class SigningForm
{
    public string? Code { get; set; }

    public string? LegalName { get; set; }

    public string? Uscc { get; set; }

    public AgentTier? Tier { get; set; }

    /// <summary>The parent's code; null for an agent the vendor signs at the top of its own tree.</summary>
    public string? ParentCode { get; set; }

    public List<string> Territory { get; } = [];

    public DateTime? ContractStart { get; set; }

    public DateTime? ContractEnd { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public DirectSigningInput ToInput() => new()
    {
        Code = Code?.Trim(),
        LegalName = LegalName,
        Uscc = Uscc?.Trim().ToUpperInvariant(),
        Tier = Tier,
        ParentCode = ParentCode,
        Territory = [.. Territory],
        ContractStart = Day(ContractStart),
        ContractEnd = Day(ContractEnd),
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };

    private static DateOnly? Day(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
}
