namespace Portal.Domain.Compliance.Penalties;

/// <summary>The confirmed case being penalized.</summary>
public sealed record PenaltyCase(int CaseId, DateTime ConfirmedAt, bool Severe);
