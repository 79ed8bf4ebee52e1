using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Policy;
using Portal.Domain.Recruitment;
using Portal.Domain.Regions;
using Portal.Features.Agents;
using Portal.Features.Audit;

namespace Portal.Features.Recruitment;

/// <summary>A new agent in the channel and where it stands.</summary>
public sealed record AgentEnrolled(int Id, string Code, ContractStatus Status);

/// <summary>A direct signing once its input is well-formed: the agent, its contract period, and its parent's code (null: vendor-signed).</summary>
internal sealed record DirectSigning(NewAgent Agent, DateOnly ContractStart, DateOnly ContractEnd, string? ParentCode);

/// <summary>
/// Recruitment (DESIGN.md §2.2): a Core agent or above develops a sub-agent of a lower tier inside its own territory
/// (an application, Applied, that a ChannelManager decides); the vendor signs an agent of any tier directly.
/// </summary>
public sealed class AgentRecruitment(ChannelWrites writes, ReferenceData reference, AuditTrail audit, BusinessClock clock, ChannelPolicy policy)
{
    /// <summary>A reseller applies for a sub-agent under its own agent: Applied, with its closure rows, until a ChannelManager decides.</summary>
    public async Task<UseCaseResult<AgentEnrolled>> RecruitAsync(CurrentUser reseller, NewAgentInput? input, CancellationToken cancellationToken = default)
    {
        // Any reseller may ask: the recruitment rule answers a tier that may not recruit with TIER_CANNOT_RECRUIT.
        var recruiterId = Deals.DealRegistrationService.ResellerAgent(reseller);
        var check = new InputCheck();
        var recruit = AgentEnrolment.Validate(input, await reference.RegionsAsync().ConfigureAwait(false), check);
        if (recruit is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<AgentEnrolled>("RecruitSubAgent", async (db, ct) =>
        {
            var recruiter = await db.Agents.Include(a => a.Territory).SingleOrDefaultAsync(a => a.Id == recruiterId, ct).ConfigureAwait(false);
            if (recruiter is null)
            {
                return Refusal.NotFound;
            }

            var decision = RecruitmentRules.Decide(AgentSnapshot.From(recruiter), recruit.Request);
            if (await RefusalAsync(db, decision, recruit, ct).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }

            var now = clock.Now;
            var agent = await AgentEnrolment.AddAsync(db, recruit, recruiter, now, ct).ConfigureAwait(false);
            agent.SetReviewDeadline(policy.ApplicationDeadline(now));
            await AuditAsync(db, reseller.Email, AuditAction.AgentRecruited, agent, recruiter.Code, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new AgentEnrolled(agent.Id, agent.Code, agent.Status));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The vendor signs an agent directly (DESIGN.md §2.2): any tier; with no parent (vendor-signed) or under a parent it
    /// names, in which case the recruitment rule judges the parent as the recruiter, so the tree keeps its shape.
    /// The agent is Active from the contract's first day.
    /// </summary>
    public async Task<UseCaseResult<AgentEnrolled>> SignDirectlyAsync(CurrentUser manager, DirectSigningInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var signing = ValidateSigning(manager, input, await reference.RegionsAsync().ConfigureAwait(false), check);
        if (signing is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<AgentEnrolled>("SignAgentDirectly", async (db, ct) =>
        {
            var signed = await SignAsync(db, manager, signing, audited: true, ct).ConfigureAwait(false);
            return signed.Map(agent => new AgentEnrolled(agent.Id, agent.Code, agent.Status));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A direct signing's input checked field by field (every error into <paramref name="check"/>), the contract period
    /// against the channel's today, and a regional manager's regions (ADR 26); null when anything is wrong.
    /// </summary>
    internal DirectSigning? ValidateSigning(CurrentUser manager, DirectSigningInput? input, IReadOnlyDictionary<string, Region> regions, InputCheck check)
    {
        var newAgent = AgentEnrolment.Validate(input, regions, check);
        var terms = new ContractTermsInput(input?.ContractStart, input?.ContractEnd).Validate(check, clock.Today);
        var parentCode = check.OptionalText(AgentFields.ParentCode, input?.ParentCode, Agent.CodeMaxLength)?.ToUpperInvariant();
        if (newAgent is null || terms is null || !check.IsValid)
        {
            return null;
        }

        // A regional manager signs agents of its regions only, under parents it can see (ADR 26).
        var scope = PortalData.ScopeOf(manager);
        if (scope.ByRegion && !Territory.IsWithin(newAgent.Territory, scope.Regions.Select(RegionCode.Parse)))
        {
            check.Add(AgentFields.Territory, UseCaseCode.OutsideYourRegions);
            return null;
        }

        return new DirectSigning(newAgent, terms.Value.Start, terms.Value.End, parentCode);
    }

    /// <summary>
    /// Signs a validated agent inside the caller's transaction: the parent found among those the manager sees, the
    /// recruitment rules with the parent as the recruiter, the uniqueness of code and USCC, then the agent stored Active
    /// for its contract. Audited here when <paramref name="audited"/> (an import audits itself once, for every row).
    /// </summary>
    internal async Task<UseCaseResult<Agent>> SignAsync(PortalDbContext db, CurrentUser manager, DirectSigning signing, bool audited, CancellationToken ct)
    {
        Agent? parent = null;
        if (signing.ParentCode is { } parentCode)
        {
            parent = await db.Agents.Include(a => a.Territory).SingleOrDefaultAsync(a => a.Code == parentCode, ct).ConfigureAwait(false);
            if (parent is null || !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.Agents.AnyAsync(a => a.Id == parent.Id, ct)).ConfigureAwait(false))
            {
                return Refusal.Invalid([new Reason(UseCaseCode.UnknownAgent, AgentFields.ParentCode)]);
            }
        }

        var decision = RecruitmentRules.Decide(parent is null ? null : AgentSnapshot.From(parent), signing.Agent.Request);
        if (await RefusalAsync(db, OnParent(decision), signing.Agent, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var agent = await AgentEnrolment.AddAsync(db, signing.Agent, parent, clock.Now, ct).ConfigureAwait(false);
        agent.SignDirectly(signing.ContractStart, signing.ContractEnd);
        if (audited)
        {
            await AuditAsync(db, manager.Email, AuditAction.AgentSignedDirectly, agent, parent?.Code, ct).ConfigureAwait(false);
        }

        return UseCaseResult.Ok(agent);
    }

    // The rule judges the named parent as the recruiter: what it says of the recruiter itself (not Active, a tier that
    // may not recruit) concerns the parent the manager chose, so the form shows it on that field.
    private static Decision OnParent(Decision decision) =>
        decision.IsAllowed ? decision : new Decision(decision.Reasons.Select(r => r.Field is null ? r with { Field = AgentFields.ParentCode } : r));

    // Every reason at once: the rule's and the uniqueness of code and USCC.
    private static async Task<Refusal?> RefusalAsync(PortalDbContext db, Decision decision, NewAgent agent, CancellationToken ct)
    {
        var taken = await AgentEnrolment.TakenAsync(db, agent, ct).ConfigureAwait(false);
        return decision.IsAllowed && taken.Count == 0 ? null : Refusal.Because(new Decision([.. decision.Reasons, .. taken]));
    }

    private async Task AuditAsync(PortalDbContext db, string actor, AuditAction action, Agent agent, string? parentCode, CancellationToken ct) =>
        await audit.AppendAsync(db, AuditRecord.Of(actor, action, AuditEntity.Agent, agent.Id, after: AgentEnrolment.Snapshot(agent, parentCode)), ct).ConfigureAwait(false);
}
