using Portal.Domain.Regions;

namespace Portal.Data.Seed;

/// <summary>Reads the GB/T 2260 region list shipped in the assembly (Seed/regions.csv; see tools/regions).</summary>
public static class RegionFile
{
    private const string Header = "code,level,parent,name_zh,name_en,initials";

    /// <summary>Every region of the file, in code order: a province precedes its cities and a city its districts.</summary>
    public static IReadOnlyList<Region> Load() => [.. Rows().Select(row => row.Region)];

    /// <summary>
    /// The pinyin initials of each region's Chinese name by code (广州市 → gzs), for finding regions by what a
    /// person types. The regions table does not store them: they are read from the file.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Initials() =>
        Rows().ToDictionary(row => row.Region.Code, row => row.Initials, StringComparer.Ordinal);

    private static IEnumerable<(Region Region, string Initials)> Rows()
    {
        using var stream = typeof(RegionFile).Assembly.GetManifestResourceStream("Portal.Data.Seed.regions.csv")
            ?? throw new InvalidOperationException("The embedded region list is missing.");
        using var reader = new StreamReader(stream);
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                if (!string.Equals(line, Header, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"The region list's header is '{line}', expected '{Header}'.");
                }

                headerSeen = true;
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 6)
            {
                throw new InvalidDataException($"Malformed region row: {line}");
            }

            var code = RegionCode.Parse(fields[0]);
            if (!string.Equals(code.Level.ToString(), fields[1], StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Region {fields[0]} is listed as {fields[1]} but its code says {code.Level}.");
            }

            yield return (new Region(code, fields[3], fields[4]), fields[5]);
        }
    }
}
