namespace Portal.Features.Deals;

/// <summary>The input fields of the deal decisions beyond the registration body's (<c>InputField</c>), as reasons name them.</summary>
public static class DealFields
{
    /// <summary>A manager's written note on a decision.</summary>
    public const string Note = "note";
}
