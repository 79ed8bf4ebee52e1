using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Localization;

namespace Portal.Components.Common;

/// <summary>
/// A use case's reasons as a form shows them: a sentence per reason in the user's language (the code after it),
/// grouped by the input field it concerns; reasons about the request as a whole go to the summary.
/// </summary>
public sealed class ReasonMessages
{
    private readonly Dictionary<string, string> _byField;

    private ReasonMessages(Dictionary<string, string> byField, IReadOnlyList<string> summary)
    {
        _byField = byField;
        Summary = summary;
    }

    public static ReasonMessages None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>Sentences of the reasons that name no field the form shows.</summary>
    public IReadOnlyList<string> Summary { get; }

    public bool Any => _byField.Count > 0 || Summary.Count > 0;

    /// <summary>The reasons of a use case that did not succeed; <paramref name="shownFields"/> tells the fields the form has a place for (reasons about any other go to the summary).</summary>
    public static ReasonMessages Of<T>(UseCaseResult<T> result, IStringLocalizer<SharedResource> localizer, Func<string, bool> shownFields)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(shownFields);
        if (result.Succeeded)
        {
            return None;
        }

        var byField = result.Reasons.Where(r => r.Field is not null && shownFields(r.Field))
            .GroupBy(r => r.Field!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(r => Sentence(r, localizer)).Distinct()), StringComparer.Ordinal);
        var summary = result.Reasons.Where(r => r.Field is null || !shownFields(r.Field))
            .Select(r => Sentence(r, localizer)).Distinct().ToList();
        return new ReasonMessages(byField, summary);
    }

    /// <summary>The sentences about <paramref name="field"/>, or null when there are none.</summary>
    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>One reason in words: a guard by its <c>Guard_&lt;Key&gt;</c> sentence, any other by <c>Reason_&lt;CODE&gt;</c>.</summary>
    public static string Sentence(Reason reason, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(localizer);
        return reason.Code == TransitionCode.GuardNotMet && reason.Detail is not null
            ? ReasonText.Guard(localizer, reason.Detail)
            : ReasonText.Of(localizer, reason.Code);
    }
}
