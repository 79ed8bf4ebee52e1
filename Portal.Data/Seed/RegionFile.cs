using Portal.Domain.Regions;

namespace Portal.Data.Seed;

/// <summary>Reads the GB/T 2260 region list shipped in the assembly (Seed/regions.csv; see tools/regions).</summary>
public static class RegionFile
{
    public static IReadOnlyList<Region> Load()
    {
        using var stream = typeof(RegionFile).Assembly.GetManifestResourceStream("Portal.Data.Seed.regions.csv")
            ?? throw new InvalidOperationException("The embedded region list is missing.");
        using var reader = new StreamReader(stream);
        var regions = new List<Region>();
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                throw new InvalidDataException($"Malformed region row: {line}");
            }

            var code = RegionCode.Parse(fields[0]);
            if (!string.Equals(code.Level.ToString(), fields[1], StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Region {fields[0]} is listed as {fields[1]} but its code says {code.Level}.");
            }

            regions.Add(new Region(code, fields[3], fields[4]));
        }

        return regions;
    }
}
