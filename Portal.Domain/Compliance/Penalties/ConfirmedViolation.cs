namespace Portal.Domain.Compliance.Penalties;

/// <summary>
/// One of the agent's confirmed violations. The application passes the cases that were confirmed and not later
/// overturned (dismissed cases and penalties lifted on appeal do not count).
/// </summary>
public sealed record ConfirmedViolation(int CaseId, DateTime ConfirmedAt);
