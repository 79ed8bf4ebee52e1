using System.Xml.Linq;
using Portal.Features;

namespace Portal.Tests.Unit;

/// <summary>Every code a use case answers with beside the rules' own has a sentence in both languages.</summary>
public sealed class UseCaseCodeTests
{
    public static TheoryData<string> Codes => new(UseCaseCode.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_use_case_code_has_a_sentence_in_English_and_Chinese(string code)
    {
        Assert.Contains("Reason_" + code, Keys("SharedResource.resx"));
        Assert.Contains("Reason_" + code, Keys("SharedResource.zh-CN.resx"));
    }

    [Fact]
    public void Use_case_codes_are_unique_and_shaped_like_the_rules_codes()
    {
        Assert.Equal(UseCaseCode.All.Count, UseCaseCode.All.Distinct().Count());
        Assert.All(UseCaseCode.All, c => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", c));
    }

    private static HashSet<string> Keys(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Channels.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Channels.sln not found."), "Portal", "Localization", file);
        return [.. XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
    }
}
