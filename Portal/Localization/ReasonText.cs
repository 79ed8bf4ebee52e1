using Microsoft.Extensions.Localization;

namespace Portal.Localization;

/// <summary>
/// How a page says a refusal: the sentence in the user's language followed by its stable code in parentheses, so a
/// refusal can be quoted to support whatever the language. One place, used by every form and action.
/// </summary>
public static class ReasonText
{
    /// <summary>The sentence of a reason code (<c>Reason_&lt;CODE&gt;</c>) with the code; the bare code when none exists.</summary>
    public static string Of(IStringLocalizer localizer, string code)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[$"Reason_{code}"];
        return text.ResourceNotFound ? code : $"{text.Value} ({code})";
    }

    /// <summary>The sentence of an unmet state-machine guard (<c>Guard_&lt;Key&gt;</c>) with its key.</summary>
    public static string Guard(IStringLocalizer localizer, string key)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[$"Guard_{key}"];
        return text.ResourceNotFound ? key : $"{text.Value} ({key})";
    }
}
