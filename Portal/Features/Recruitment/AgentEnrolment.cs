using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Recruitment;
using Portal.Domain.Regions;
using Portal.Features.Agents;

namespace Portal.Features.Recruitment;

/// <summary>A new agent's input once it is well-formed; the USCC is checked by the recruitment rule.</summary>
internal sealed record NewAgent(
    string Code, string LegalName, string Uscc, AgentTier Tier, IReadOnlyList<RegionCode> Territory, string? ContactName, string? ContactPhone, string? ContactEmail)
{
    public RecruitRequest Request => new(Uscc, Tier, Territory);
}

/// <summary>What signing a recruit and signing an agent directly share: the input check, the uniqueness check, the insert.</summary>
internal static partial class AgentEnrolment
{
    // Longer than any USCC: a wrong length is the rule's INVALID_USCC, not TOO_LONG.
    private const int UsccInputMaxLength = 64;

    private const string ReservedCode = "NEW";

    /// <summary>
    /// A new agent's input checked field by field (every error at once); the USCC's check characters are the recruitment
    /// rule's, so that a bad USCC is answered with the rule's other reasons.
    /// </summary>
    public static NewAgent? Validate(NewAgentInput? input, IReadOnlyDictionary<string, Region> regions, InputCheck check)
    {
        var code = check.Text(AgentFields.Code, input?.Code, Agent.CodeMaxLength)?.ToUpperInvariant();
        // "NEW" would be the signing page's address (/agents/new), not the agent's.
        if (code is not null && (!CodePattern().IsMatch(code) || code == ReservedCode))
        {
            check.Add(AgentFields.Code, ReasonCode.InvalidValue);
        }

        var legalName = check.LegalName(AgentFields.LegalName, input?.LegalName, Agent.NameMaxLength);
        var uscc = check.Text(AgentFields.Uscc, input?.Uscc, UsccInputMaxLength);
        var tier = check.Defined(AgentFields.Tier, input?.Tier);
        var territory = check.Territory(AgentFields.Territory, input?.Territory, region => regions.ContainsKey(region.Value));
        var contactName = check.OptionalText(AgentFields.ContactName, input?.ContactName, Agent.ContactMaxLength);
        var contactPhone = check.OptionalText(AgentFields.ContactPhone, input?.ContactPhone, Agent.ContactMaxLength);
        var contactEmail = check.OptionalEmail(AgentFields.ContactEmail, input?.ContactEmail, Agent.ContactMaxLength);
        return check.IsValid ? new NewAgent(code!, legalName!, uscc!, tier!.Value, territory, contactName, contactPhone, contactEmail) : null;
    }

    /// <summary>
    /// Agent codes and USCCs are unique (unique indexes, so a racing insert fails and the use case runs again and
    /// lands here): a clear refusal instead of a database error.
    /// </summary>
    public static async Task<IReadOnlyList<Reason>> TakenAsync(PortalDbContext db, NewAgent agent, CancellationToken ct)
    {
        var uscc = Domain.Customers.Uscc.Normalize(agent.Uscc);
        var reasons = new List<Reason>();
        if (await db.Agents.AnyAsync(a => a.Code == agent.Code, ct).ConfigureAwait(false))
        {
            reasons.Add(new Reason(UseCaseCode.AgentCodeTaken, AgentFields.Code));
        }

        if (await db.Agents.AnyAsync(a => a.Uscc == uscc, ct).ConfigureAwait(false))
        {
            reasons.Add(new Reason(UseCaseCode.UsccTaken, AgentFields.Uscc));
        }

        return reasons;
    }

    /// <summary>Adds the agent (Applied) under <paramref name="parent"/> with its closure rows; the caller signs it or not.</summary>
    public static async Task<Agent> AddAsync(PortalDbContext db, NewAgent input, Agent? parent, DateTime now, CancellationToken ct)
    {
        var agent = new Agent(input.Code, input.LegalName, Domain.Customers.Uscc.Normalize(input.Uscc), input.Tier, parent, now);
        agent.AssignTerritory(input.Territory);
        agent.SetContacts(input.ContactName, input.ContactPhone, input.ContactEmail);
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        // The closure table (ADR 3): the agent itself at depth 0, and each of the parent's ancestors (the parent
        // included) one level further away than from the parent.
        db.AgentLinks.Add(new AgentLink(agent.Id, agent.Id, 0));
        if (parent is not null)
        {
            var ancestors = await db.AgentLinks.AsNoTracking().Where(l => l.DescendantId == parent.Id).ToListAsync(ct).ConfigureAwait(false);
            db.AgentLinks.AddRange(ancestors.Select(l => new AgentLink(l.AncestorId, agent.Id, l.Depth + 1)));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return agent;
    }

    /// <summary>What the audit trail records about a new agent.</summary>
    public static object Snapshot(Agent agent, string? parentCode) => new
    {
        code = agent.Code,
        legalName = agent.LegalName,
        uscc = agent.Uscc,
        tier = agent.Tier,
        parent = parentCode,
        territory = agent.Territory.Select(t => t.RegionCode).Order(StringComparer.Ordinal).ToList(),
        status = agent.Status,
        contractStart = agent.ContractStart,
        contractEnd = agent.ContractEnd,
        contacts = new { name = agent.ContactName, phone = agent.ContactPhone, email = agent.ContactEmail },
    };

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
