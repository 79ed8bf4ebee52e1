using System.Xml.Linq;
using Portal.Features.Compliance;

namespace Portal.Tests.Compliance;

/// <summary>Every code a compliance service answers with has a sentence in both languages.</summary>
public sealed class ComplianceStringsTests
{
    public static TheoryData<string> Codes => new(CaseReasonCodes.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_compliance_reason_code_has_a_sentence_in_English_and_Chinese(string code)
    {
        Assert.Contains("Reason_" + code, Keys("SharedResource.resx"));
        Assert.Contains("Reason_" + code, Keys("SharedResource.zh-CN.resx"));
    }

    [Fact]
    public void Compliance_reason_codes_are_unique_and_shaped_like_the_others()
    {
        Assert.Equal(CaseReasonCodes.All.Count, CaseReasonCodes.All.Distinct().Count());
        Assert.All(CaseReasonCodes.All, c => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", c));
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
