using System.Text.Json;
using Portal.Domain.Regions;

namespace Portal.Domain.Compliance;

/// <summary>
/// What an automatic detection found, kept as facts (not as a sentence) so that every reader gets the case's description in
/// their own language: the lines sold or quoted below the uniform price, or the region outside the territory.
/// </summary>
public sealed record DetectedFacts(IReadOnlyList<PriceDeviation> Lines, string? Region)
{
    public const int MaxLength = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DetectedFacts Of(CaseToOpen found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new DetectedFacts(found.Lines, found.Region?.Value);
    }

    /// <summary>The facts as stored (JSON, at most <see cref="MaxLength"/> characters: lines beyond what fits are left out).</summary>
    public string ToJson()
    {
        var facts = this;
        var text = JsonSerializer.Serialize(facts, Json);
        while (text.Length > MaxLength && facts.Lines.Count > 1)
        {
            facts = facts with { Lines = [.. facts.Lines.Take(facts.Lines.Count - 1)] };
            text = JsonSerializer.Serialize(facts, Json);
        }

        return text;
    }

    public static DetectedFacts? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DetectedFacts>(json, Json);

    /// <summary>The region as a code, when the facts name one.</summary>
    public RegionCode? RegionCode => Regions.RegionCode.TryParse(Region, out var code) ? code : null;
}
