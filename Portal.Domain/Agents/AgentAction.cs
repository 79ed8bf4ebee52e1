namespace Portal.Domain.Agents;

/// <summary>What can be done to an agent's contract (DESIGN.md §5.1); each is one method of <see cref="Agent"/>.</summary>
public enum AgentAction
{
    /// <summary>Applied → UnderReview: the vendor starts reviewing the application.</summary>
    StartReview,

    /// <summary>UnderReview → Active: the vendor signs the contract.</summary>
    Sign,

    /// <summary>UnderReview → Rejected.</summary>
    Reject,

    /// <summary>Active → Suspended until a given time (a penalty).</summary>
    Suspend,

    /// <summary>Suspended → Active once the suspension has ended.</summary>
    Reinstate,

    /// <summary>Active/Suspended → Revoked: disqualification (取消代理商资格), terminal.</summary>
    Revoke,

    /// <summary>Active → Expired once the contract's end date has passed.</summary>
    Expire,

    /// <summary>Expired → Active with a new contract period.</summary>
    Renew,

    /// <summary>Active → Terminated: the agent leaves the program, terminal.</summary>
    Terminate,

    /// <summary>Applied/UnderReview → Rejected once the application's deadline has passed (the expiry job's default outcome, ADR 28).</summary>
    TimeOut,
}
