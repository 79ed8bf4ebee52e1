using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Portal.Domain.Notifications;

namespace Portal.Localization;

/// <summary>A notice in one language: its title (the e-mail's subject) and its body.</summary>
public sealed record NotificationWords(string Title, string Body);

/// <summary>
/// How a notice is said, in the reader's language, for the portal and for e-mail alike: the kind's
/// <c>Notice_{Kind}_Title</c> and <c>Notice_{Kind}_Body</c> sentences with their <c>{name}</c> placeholders replaced by
/// the notice's arguments. An argument whose value starts with <c>@</c> names a string-table entry and is said in the
/// same language (<c>@DealStatus_Approved</c>, <c>@Reason_CUSTOMER_PROTECTED</c>); any other value is shown as stored.
/// </summary>
public static partial class NotificationText
{
    public static NotificationWords Say(IStringLocalizer localizer, NotificationKind kind, string arguments, CultureInfo culture)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(string.IsNullOrEmpty(arguments) ? "{}" : arguments) ?? [];
        return Say(localizer, kind, values, culture);
    }

    public static NotificationWords Say(IStringLocalizer localizer, NotificationKind kind, IReadOnlyDictionary<string, string> values, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(values);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return new NotificationWords(
                Fill(localizer, localizer[$"Notice_{kind}_Title"], values),
                Fill(localizer, localizer[$"Notice_{kind}_Body"], values));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static NotificationWords Say(IStringLocalizer localizer, Notification notification, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Say(localizer, notification.Kind, notification.Arguments, culture);
    }

    private static string Fill(IStringLocalizer localizer, LocalizedString sentence, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(sentence.Value, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? Word(localizer, value) : m.Value);

    private static string Word(IStringLocalizer localizer, string value)
    {
        if (!value.StartsWith('@'))
        {
            return value;
        }

        var text = localizer[value[1..]];
        return text.ResourceNotFound ? value[1..] : text.Value;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
