using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>Every UI string exists in both languages, and every key the code asks for is in the table.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string RepositoryRoot = SourceFiles.Root;

    [Fact]
    public void English_and_Chinese_tables_have_the_same_keys_and_no_empty_value()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }

    [Fact]
    public void Every_literal_key_used_in_the_portal_is_defined()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var sources = SourceFiles.Of(Path.Combine(RepositoryRoot, "Portal"));

        var missing = sources
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(k => !keys.Contains(k.Key))
            .Select(k => $"{k.File}: {k.Key}")
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("Role_", new[] { "Admin", "ChannelManager", "Compliance", "Reseller" })]
    [InlineData("Tier_", new[] { "Strategic", "Core", "Tier1", "Tier2" })]
    public void Every_role_and_tier_has_a_label(string prefix, string[] names)
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.All(names, n => Assert.Contains(prefix + n, keys));
    }

    [Fact]
    public void Every_reason_code_has_a_sentence()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.All(Portal.Domain.Common.ReasonCode.All, code => Assert.Contains("Reason_" + code, keys));
    }

    [Fact]
    public void Every_use_case_and_transition_code_has_a_sentence()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var codes = Portal.Features.UseCaseCode.All
            .Concat([Portal.Domain.Common.TransitionCode.NotAllowedInState, Portal.Domain.Common.TransitionCode.GuardNotMet]);

        Assert.All(codes, code => Assert.Contains("Reason_" + code, keys));
    }

    [Fact]
    public void Every_guard_of_every_state_machine_has_a_sentence()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var guards = Portal.Domain.Agents.AgentGuardKeys.All
            .Concat(Portal.Domain.Deals.DealGuardKeys.All)
            .Concat(Portal.Domain.Authorizations.AuthorizationGuardKeys.All)
            .Concat(Portal.Domain.Compliance.CaseGuardKeys.All);

        Assert.All(guards, guard => Assert.Contains("Guard_" + guard, keys));
    }

    [Fact]
    public void Every_audit_action_and_record_kind_has_a_label()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.All(Enum.GetNames<Portal.Domain.Audit.AuditAction>(), a => Assert.Contains("AuditAction_" + a, keys));
        Assert.All(Enum.GetNames<Portal.Domain.Audit.AuditEntity>(), e => Assert.Contains("AuditEntity_" + e, keys));
    }

    [Fact]
    public void Every_contract_state_has_a_label()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.All(Enum.GetNames<Portal.Domain.Agents.ContractStatus>(), s => Assert.Contains("Contract_" + s, keys));
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot, "Portal", "Localization", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"L\[""(?<key>[A-Za-z0-9_]+)""")]
    private static partial Regex LiteralKey();
}
