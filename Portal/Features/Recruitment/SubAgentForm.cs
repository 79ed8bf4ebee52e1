using Portal.Domain.Agents;

namespace Portal.Features.Recruitment;

/// <summary>The recruit form's model: the territory is built one region at a time.</summary>
public sealed class SubAgentForm
{
    public string? Code { get; set; }

    public string? LegalName { get; set; }

    public string? Uscc { get; set; }

    public AgentTier? Tier { get; set; }

    public List<string> Territory { get; } = [];

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public NewAgentInput ToInput() => new()
    {
        Code = Code?.Trim(),
        LegalName = LegalName,
        Uscc = Uscc?.Trim().ToUpperInvariant(),
        Tier = Tier,
        Territory = [.. Territory],
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };
}
