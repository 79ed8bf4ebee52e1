using Portal.Domain.Regions;

namespace Portal.Features.Agents;

/// <summary>Region codes as people read them, from the region table (<see cref="ReferenceData.RegionsAsync"/>).</summary>
internal static class RegionLabels
{
    public static RegionLabel Of(string code, IReadOnlyDictionary<string, Region> regions) =>
        regions.TryGetValue(code, out var region) ? new RegionLabel(region.Code, region.NameZh, region.NameEn) : new RegionLabel(code, code, code);

    public static IReadOnlyList<RegionLabel> Of(IEnumerable<string> codes, IReadOnlyDictionary<string, Region> regions) =>
        [.. codes.Order(StringComparer.Ordinal).Select(code => Of(code, regions))];
}
