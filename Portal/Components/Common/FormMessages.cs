using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Localization;

namespace Portal.Components.Common;

/// <summary>
/// The form adapter of a use case's result: each reason as a sentence in the user's language (its code after it), next
/// to the input field it concerns; reasons about the request as a whole, or about a field the form does not show, go
/// to the summary. A page keeps what the user typed and shows these — it never clears a refused form.
/// </summary>
public sealed class FormMessages
{
    private readonly Dictionary<string, string> _byField;

    private FormMessages(Dictionary<string, string> byField, IReadOnlyList<string> summary, string? firstField)
    {
        _byField = byField;
        Summary = summary;
        FirstField = firstField;
    }

    public static FormMessages None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), [], null);

    /// <summary>Sentences of the reasons that name no field the form shows.</summary>
    public IReadOnlyList<string> Summary { get; }

    /// <summary>The first field (in the order the reasons were found) that has a message: where focus goes.</summary>
    public string? FirstField { get; }

    public bool Any => _byField.Count > 0 || Summary.Count > 0;

    /// <summary>
    /// The messages of a use case's result (none when it succeeded); <paramref name="shownFields"/> tells the fields
    /// the form has a place for.
    /// </summary>
    public static FormMessages Of<T>(UseCaseResult<T> result, IStringLocalizer localizer, Func<string, bool> shownFields)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? None : Of(result.Reasons, localizer, shownFields);
    }

    /// <summary>The messages of reasons (a stored registration's, a rule's notes).</summary>
    public static FormMessages Of(IEnumerable<Reason> reasons, IStringLocalizer localizer, Func<string, bool> shownFields)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(shownFields);
        var list = reasons.ToList();
        var onFields = list.Where(r => r.Field is not null && shownFields(r.Field)).ToList();
        var byField = onFields
            .GroupBy(r => r.Field!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(r => ReasonText.Quoted(localizer, r)).Distinct()), StringComparer.Ordinal);
        var summary = list.Where(r => r.Field is null || !shownFields(r.Field))
            .Select(r => ReasonText.Quoted(localizer, r)).Distinct().ToList();
        return new FormMessages(byField, summary, onFields.FirstOrDefault()?.Field);
    }

    /// <summary>Every field shows its own messages (a form whose fields are named as the use case names them).</summary>
    public static bool EveryField(string field) => true;

    /// <summary>The sentences about <paramref name="field"/>, or null when there are none.</summary>
    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>Every message, field ones first (for a one-line outcome such as a decision's refusal).</summary>
    public string All() => string.Join(" ", _byField.Values.Concat(Summary));
}
