using Portal.Domain.Common;

namespace Portal.Features.Agents;

/// <summary>A contract period a ChannelManager signs or renews an agent for (both days included).</summary>
public sealed record ContractTermsInput(DateOnly? ContractStart, DateOnly? ContractEnd)
{
    /// <summary>Both days present, the end on or after the start and not already past (a contract that is over cannot be signed).</summary>
    internal (DateOnly Start, DateOnly End)? Validate(InputErrors errors, DateOnly today)
    {
        var start = errors.Required(AgentFields.ContractStart, ContractStart);
        var end = errors.Required(AgentFields.ContractEnd, ContractEnd);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start || end < today)
        {
            errors.Add(AgentFields.ContractEnd, ReasonCode.InvalidDate);
            return null;
        }

        return (start.Value, end.Value);
    }
}
