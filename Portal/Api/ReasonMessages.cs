using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Localization;

namespace Portal.Api;

/// <summary>A reason as the API returns it: the stable code, the field it concerns, and a sentence in the caller's language.</summary>
public sealed record ReasonMessage(string Code, string? Field, string Message);

public static class ReasonMessages
{
    public static ReasonMessage From(Reason reason, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(localizer);
        return new ReasonMessage(reason.Code, reason.Field, Sentence(reason.Code, localizer));
    }

    public static string Sentence(string code, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[$"Reason_{code}"];
        return text.ResourceNotFound ? code : text.Value;
    }

    /// <summary>400: input that can never be right — every field with its codes, and sentences; nothing was stored.</summary>
    public static IResult InvalidInput(IReadOnlyList<FieldError> errors, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            byField,
            detail: localizer["Problem_InvalidInput"],
            title: localizer["Problem_400"],
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "INVALID_INPUT",
                ["details"] = errors.Select(e => new ReasonMessage(e.Code, e.Field, Sentence(e.Code, localizer))).ToList(),
            });
    }
}
