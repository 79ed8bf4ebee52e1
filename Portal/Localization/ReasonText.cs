using Microsoft.Extensions.Localization;
using Portal.Domain.Common;

namespace Portal.Localization;

/// <summary>
/// How a reason is said, in one place for pages and the API: a rule's or a use case's code by its
/// <c>Reason_&lt;CODE&gt;</c> sentence, an unmet state-machine guard by its <c>Guard_&lt;Key&gt;</c> sentence. Pages
/// follow the sentence with the stable code in parentheses, so a refusal can be quoted to support whatever the language.
/// </summary>
public static class ReasonText
{
    /// <summary>The reason in the reader's language; the bare code when the table has no sentence for it.</summary>
    public static string Sentence(IStringLocalizer localizer, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Code == TransitionCode.GuardNotMet && reason.Detail is { } key)
        {
            var guard = localizer[$"Guard_{key}"];
            return guard.ResourceNotFound ? key : guard.Value;
        }

        // A reason that names what it is about (the sub-agent or parent a hierarchy rule protects) says so, where the
        // table has a sentence for it.
        if (reason.Detail is { } detail && localizer[$"Reason_{reason.Code}_Detail", detail] is { ResourceNotFound: false } named)
        {
            return named.Value;
        }

        var text = localizer[$"Reason_{reason.Code}"];
        return text.ResourceNotFound ? reason.Code : text.Value;
    }

    /// <summary>The sentence followed by its code (a guard: its key) in parentheses, as pages show a refusal.</summary>
    public static string Quoted(IStringLocalizer localizer, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var code = reason.Code == TransitionCode.GuardNotMet && reason.Detail is { } key ? key : reason.Code;
        var sentence = Sentence(localizer, reason);
        return sentence == code ? code : $"{sentence} ({code})";
    }

    /// <summary>The sentence of a bare code, quoted (a deal's stored reasons, a timeline's codes).</summary>
    public static string Of(IStringLocalizer localizer, string code) => Quoted(localizer, new Reason(code));

    /// <summary>The sentence of an unmet state-machine guard, quoted.</summary>
    public static string Guard(IStringLocalizer localizer, string key) => Quoted(localizer, new Reason(TransitionCode.GuardNotMet, null, key));
}
