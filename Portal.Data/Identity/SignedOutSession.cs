namespace Portal.Data.Identity;

/// <summary>
/// A sign-in session that was signed out (ADR 37). The session id is a claim of the cookie issued at sign-in; a copy of
/// that cookie, on any instance, is refused once its id is here. Kept until the cookie could no longer be valid anyway.
/// </summary>
public sealed class SignedOutSession
{
    public const int IdLength = 32;

    private SignedOutSession()
    {
    }

    public SignedOutSession(string id, DateTime signedOutAt, DateTime keepUntil)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        SignedOutAt = signedOutAt;
        KeepUntil = keepUntil;
    }

    public string Id { get; private set; } = string.Empty;

    public DateTime SignedOutAt { get; private set; }

    /// <summary>After this instant no cookie of the session can still be valid: the row may be pruned.</summary>
    public DateTime KeepUntil { get; private set; }
}
