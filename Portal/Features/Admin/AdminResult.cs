namespace Portal.Features.Admin;

/// <summary>The outcome of an account change: success, or the reasons (already in the user's language) it was refused.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors, string? Secret = null)
{
    public static AdminResult Ok(string? secret = null) => new(true, [], secret);

    public static AdminResult Refused(params string[] errors) => new(false, errors);
}
