using Portal.Domain.Common;

namespace Portal.Features.Agents;

/// <summary>A contract period a ChannelManager signs or renews an agent for (both days included).</summary>
public sealed record ContractTermsInput(DateOnly? ContractStart, DateOnly? ContractEnd)
{
    /// <summary>
    /// Both days present; the end on or after the start and not already past (a contract that is over cannot be signed),
    /// and neither further off than a contract period can run.
    /// </summary>
    internal (DateOnly Start, DateOnly End)? Validate(InputCheck check, DateOnly today)
    {
        var latest = today.AddYears(InputLimits.MaxContractYears);
        var start = check.Date(AgentFields.ContractStart, ContractStart, today.AddYears(-InputLimits.MaxContractYears), latest);
        var end = check.Date(AgentFields.ContractEnd, ContractEnd, today, latest);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start)
        {
            check.Add(AgentFields.ContractEnd, ReasonCode.InvalidDate);
            return null;
        }

        return (start.Value, end.Value);
    }
}
