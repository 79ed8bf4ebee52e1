namespace Portal.Domain.Compliance;

public enum CaseSource
{
    AutoDetected,
    Report,
    Manual,
}
