namespace Portal.Domain.Regions;

/// <summary>A territory is a set of region codes; it covers a region when one of its entries contains it.</summary>
public static class Territory
{
    /// <summary>The most regions one territory lists (there are 34 provinces; a longer list is not a territory but an attack).</summary>
    public const int MaxRegions = 500;

    /// <summary>Regional protection: does any entry of <paramref name="territory"/> contain <paramref name="region"/>?</summary>
    public static bool Covers(IEnumerable<RegionCode> territory, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(territory);
        return territory.Any(t => t.Contains(region));
    }

    /// <summary>Is every entry of <paramref name="inner"/> covered by <paramref name="outer"/>?</summary>
    public static bool IsWithin(IEnumerable<RegionCode> inner, IEnumerable<RegionCode> outer)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outer);
        var outerList = outer as IReadOnlyCollection<RegionCode> ?? outer.ToList();
        return inner.All(r => Covers(outerList, r));
    }
}
