using Portal.Data.Seed;
using Portal.Domain.Regions;

namespace Channels.Tools;

/// <summary>The real region list (Seed/regions.csv) arranged for picking territories and customer locations.</summary>
internal sealed class SyntheticRegions
{
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    public SyntheticRegions()
    {
        foreach (var region in RegionFile.Load())
        {
            Names[region.Code] = region.NameZh;
            if (region.ParentCode is null)
            {
                Provinces.Add(region.Code);
            }
            else
            {
                Children(region.ParentCode).Add(region.Code);
            }
        }
    }

    public List<string> Provinces { get; } = [];

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The divisions directly below <paramref name="code"/> (a province's cities, a city's districts).</summary>
    public List<string> Children(string code)
    {
        if (!_children.TryGetValue(code, out var list))
        {
            list = [];
            _children[code] = list;
        }

        return list;
    }

    /// <summary>A customer location (a city or a district) inside the territory entry <paramref name="entry"/>.</summary>
    public string LocationInside(Random random, string entry)
    {
        var level = RegionCode.Parse(entry).Level;
        if (level == RegionLevel.District)
        {
            return entry;
        }

        var city = level == RegionLevel.Province ? PickChild(random, entry) ?? entry : entry;
        var districts = Children(city);
        return districts.Count > 0 && random.Next(2) == 0 ? districts[random.Next(districts.Count)] : city;
    }

    /// <summary>The company-name place of a location: its city's name.</summary>
    public string PlaceOf(string location) =>
        SyntheticNames.Place(Names[RegionCode.Parse(location).City?.Value ?? location]);

    public string? PickChild(Random random, string code)
    {
        var children = Children(code);
        return children.Count == 0 ? null : children[random.Next(children.Count)];
    }
}
