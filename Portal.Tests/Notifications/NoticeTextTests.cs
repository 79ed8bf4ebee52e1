using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>Every kind of notice can be said in both languages, with the same placeholders in each.</summary>
public sealed partial class NoticeTextTests
{
    public static TheoryData<string> Kinds() => [.. Enum.GetNames<NotificationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_title_and_a_body_in_both_string_tables_with_the_same_placeholders(string kind)
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");
        foreach (var part in new[] { "Title", "Body" })
        {
            var key = $"Notice_{kind}_{part}";
            Assert.True(english.TryGetValue(key, out var en) && !string.IsNullOrWhiteSpace(en), $"{key} has no English sentence");
            Assert.True(chinese.TryGetValue(key, out var zh) && !string.IsNullOrWhiteSpace(zh), $"{key} has no Chinese sentence");
            Assert.Equal(Placeholders(en), Placeholders(zh));
        }
    }

    private static string[] Placeholders(string sentence) =>
        [.. Placeholder().Matches(sentence).Select(m => m.Groups["name"].Value).Distinct().Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(SourceFiles.Root, "Portal", "Localization", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
