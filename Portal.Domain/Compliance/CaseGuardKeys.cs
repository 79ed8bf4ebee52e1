namespace Portal.Domain.Compliance;

/// <summary>
/// The guard descriptions of the violation case machine. They are stable keys: the portal shows
/// <c>Guard_&lt;Key&gt;</c> in the user's language, and they appear in the exported graph. Never rename one.
/// </summary>
public static class CaseGuardKeys
{
    /// <summary>Confirm: the case names the agent it is about (a public report may name it only in words).</summary>
    public const string SubjectAgentIdentified = nameof(SubjectAgentIdentified);

    /// <summary>Appeal: the appeal deadline has not come yet.</summary>
    public const string AppealWindowOpen = nameof(AppealWindowOpen);

    /// <summary>Close: the appeal deadline has come and no appeal was made.</summary>
    public const string AppealWindowClosed = nameof(AppealWindowClosed);

    public static IReadOnlyList<string> All { get; } = [SubjectAgentIdentified, AppealWindowOpen, AppealWindowClosed];
}
