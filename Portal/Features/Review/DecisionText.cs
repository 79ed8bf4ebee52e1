using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Features.Deals;
using Portal.Localization;

namespace Portal.Features.Review;

/// <summary>A decision's outcome as the review queue shows it: a sentence, and whether it is a refusal.</summary>
public sealed record DecisionMessage(string Text, bool IsError);

/// <summary>
/// Turns what a review service answered into sentences in the reader's language, each followed by its stable code in
/// parentheses (the registration page's convention), so a refusal can be quoted to support whatever the language.
/// </summary>
internal static class DecisionText
{
    /// <summary>The sentence of a reason code, with the code; the bare code when the table has no sentence for it.</summary>
    public static string Sentence(IStringLocalizer localizer, string code) => ReasonText.Of(localizer, code);

    /// <summary>The sentence of an unmet state-machine guard, with its key.</summary>
    public static string Guard(IStringLocalizer localizer, string key) => ReasonText.Guard(localizer, key);

    /// <summary>Field errors of a use case's input, by field, as sentences (shown next to the field).</summary>
    public static Dictionary<string, string> FieldErrors<T>(IStringLocalizer localizer, UseCaseResult<T> result) =>
        result.Outcome == UseCaseOutcome.Invalid
            ? result.Reasons.GroupBy(r => r.Field ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(r => Sentence(localizer, r.Code)).Distinct()), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    /// <summary>Field errors of a deal action's input, by field, as sentences.</summary>
    public static Dictionary<string, string> FieldErrors(IStringLocalizer localizer, DealActionResult result) =>
        result.Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => Sentence(localizer, e.Code)).Distinct()), StringComparer.Ordinal);

    /// <summary>What a use case's refusal says: each reason's sentence, an unmet guard by its own sentence.</summary>
    public static DecisionMessage Refusal<T>(IStringLocalizer localizer, UseCaseResult<T> result) =>
        result.Outcome == UseCaseOutcome.NotFound
            ? new(localizer["NotFound_Text"].Value, true)
            : new(string.Join(" ", result.Reasons.Select(r => r.Code == TransitionCode.GuardNotMet && r.Detail is not null ? Guard(localizer, r.Detail) : Sentence(localizer, r.Code)).Distinct()), true);

    /// <summary>What a deal action's refusal says: the rules' reasons or the unmet guards.</summary>
    public static DecisionMessage Refusal(IStringLocalizer localizer, DealActionResult result) => result.Outcome switch
    {
        DealActionOutcome.NotFound => new(localizer["NotFound_Text"].Value, true),
        DealActionOutcome.NotAllowedNow => new(string.Join(" ", result.UnmetGuards.Select(g => Guard(localizer, g))), true),
        _ => new(string.Join(" ", result.Reasons.Select(r => Sentence(localizer, r.Code)).Distinct()), true),
    };
}
