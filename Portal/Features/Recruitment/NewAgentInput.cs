using Portal.Domain.Agents;

namespace Portal.Features.Recruitment;

/// <summary>
/// A new agent as a form or the API sends it: a reseller's sub-agent application, or (with
/// <see cref="DirectSigningInput"/>) an agent the vendor signs itself.
/// </summary>
public class NewAgentInput
{
    /// <summary>The agent's code (letters, digits and hyphens; stored upper-case), unique in the channel.</summary>
    public string? Code { get; set; }

    public string? LegalName { get; set; }

    /// <summary>The company's Unified Social Credit Code; one agent per company.</summary>
    public string? Uscc { get; set; }

    public AgentTier? Tier { get; set; }

    /// <summary>Region codes of the territory (at least one).</summary>
    public IReadOnlyList<string> Territory { get; set; } = [];

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }
}

/// <summary>The vendor signing an agent directly (DESIGN.md §2.2): any tier, no parent or one it names, and the contract period.</summary>
public sealed class DirectSigningInput : NewAgentInput
{
    /// <summary>The parent's agent code; empty for a vendor-signed agent at the top of its own tree.</summary>
    public string? ParentCode { get; set; }

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }
}
