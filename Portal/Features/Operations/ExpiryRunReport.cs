namespace Portal.Features.Operations;

/// <summary>What one run of the expiry job changed; all zero when there was nothing due.</summary>
public sealed record ExpiryRunReport(int DealsExpired, int ProtectionsEnded, int AuthorizationsExpired, int AgentsReinstated, int ContractsExpired, int CasesClosed = 0, int ReviewsTimedOut = 0, int DeadlinesAssigned = 0)
{
    public int Total => DealsExpired + ProtectionsEnded + AuthorizationsExpired + AgentsReinstated + ContractsExpired + CasesClosed + ReviewsTimedOut + DeadlinesAssigned;
}
