using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Customers;

namespace Portal.Domain.Recruitment;

/// <summary>Recruitment (DESIGN.md §2.2): who may sign whom, at which tier, where.</summary>
public static class RecruitmentRules
{
    /// <summary>
    /// Judges signing <paramref name="recruit"/>. <paramref name="recruiter"/> is the agent developing a sub-agent,
    /// or null when the vendor (a ChannelManager) signs the agent directly — the vendor may sign any tier anywhere.
    /// </summary>
    public static Decision Decide(AgentSnapshot? recruiter, RecruitRequest recruit)
    {
        ArgumentNullException.ThrowIfNull(recruit);
        var reasons = new ReasonList();

        reasons.AddIf(Uscc.Validate(recruit.Uscc) is not null, ReasonCode.InvalidUscc, InputField.Uscc);
        reasons.AddIf(recruit.Territory.Count == 0, ReasonCode.Required, InputField.Territory);

        if (recruiter is not null)
        {
            // Contract (§5.1): only Active agents may recruit.
            reasons.AddIf(!recruiter.IsActive, ReasonCode.AgentNotActive);

            // Recruitment: only Core agents and above develop sub-agents …
            reasons.AddIf(!recruiter.Tier.MayRecruit(), ReasonCode.TierCannotRecruit);

            // … and only of a lower tier than themselves.
            reasons.AddIf(!recruit.Tier.IsBelow(recruiter.Tier), ReasonCode.RecruitTierTooHigh, InputField.Tier);

            // A sub-agent's territory lies inside its parent's.
            for (var i = 0; i < recruit.Territory.Count; i++)
            {
                reasons.AddIf(
                    !recruiter.Covers(recruit.Territory[i]),
                    ReasonCode.TerritoryNotWithinParent,
                    InputField.TerritoryEntry(i),
                    recruit.Territory[i].Value);
            }
        }

        return reasons.ToDecision();
    }
}
