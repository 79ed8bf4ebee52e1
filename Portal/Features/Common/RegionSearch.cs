using System.Text;
using Portal.Domain.Regions;

namespace Portal.Features;

/// <summary>
/// The region table as the region pickers search it: the divisions below a parent, narrowed by what a person types —
/// part of the Chinese name (广州), part of the English name, which is pinyin (guangzhou), the start of the code (4401),
/// or the start of the pinyin initials of the Chinese name (gz → 广州市, gd → 广东省, th → 天河区).
/// </summary>
public sealed class RegionSearch
{
    private readonly Dictionary<string, Region> _byCode;
    private readonly ILookup<string, Region> _byParent;
    private readonly IReadOnlyDictionary<string, string> _initials;

    /// <param name="regions">The region table.</param>
    /// <param name="initials">
    /// Pinyin initials by region code (<see cref="Data.Seed.RegionFile.Initials"/>); a region without initials is
    /// still found by its names and code.
    /// </param>
    public RegionSearch(IEnumerable<Region> regions, IReadOnlyDictionary<string, string> initials)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(initials);
        var ordered = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        _byCode = ordered.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _byParent = ordered.ToLookup(r => r.ParentCode ?? string.Empty, StringComparer.Ordinal);
        _initials = initials;
    }

    /// <summary>The region with code <paramref name="code"/>, if there is one.</summary>
    public Region? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>Whether any division lies directly below <paramref name="code"/> (a city without districts has none).</summary>
    public bool HasChildren(string code) => _byParent.Contains(code);

    /// <summary>
    /// The divisions directly below <paramref name="parentCode"/> (the provinces when it is null) that match
    /// <paramref name="text"/>: those it begins (name, code or initials) first, then those that merely contain it, each
    /// in code order — so "gx" offers 广西 (initials gx…) before 江西 (Jiangxi). All of them, in code order, when the
    /// text is blank.
    /// </summary>
    public IReadOnlyList<Region> Children(string? parentCode, string? text) =>
    [
        .. _byParent[parentCode ?? string.Empty]
            .Select(region => (Region: region, Fit: FitOf(region, _initials.GetValueOrDefault(region.Code, string.Empty), text)))
            .Where(match => match.Fit != Fit.None)
            .OrderByDescending(match => match.Fit)
            .Select(match => match.Region),
    ];

    /// <summary>
    /// Whether <paramref name="text"/> finds <paramref name="region"/>: it is contained in the Chinese name, or in the
    /// English name ignoring case, or begins the code, or begins the pinyin <paramref name="initials"/>. Blank text
    /// finds every region.
    /// </summary>
    public static bool Matches(Region region, string initials, string? text)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(initials);
        return FitOf(region, initials, text) != Fit.None;
    }

    private static Fit FitOf(Region region, string initials, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fit.Begins;
        }

        // While a Chinese input method is composing, the field holds the pinyin typed so far, often with syllable
        // separators ("guang'zhou", "guang zhou"); the English names are that pinyin without them.
        var typed = text.Trim();
        var pinyin = Letters(typed);
        var english = Letters(region.NameEn);
        if (region.NameZh.StartsWith(typed, StringComparison.Ordinal)
            || region.Code.StartsWith(typed, StringComparison.Ordinal)
            || (pinyin.Length > 0 && (english.StartsWith(pinyin, StringComparison.OrdinalIgnoreCase) || initials.StartsWith(pinyin, StringComparison.OrdinalIgnoreCase))))
        {
            return Fit.Begins;
        }

        return region.NameZh.Contains(typed, StringComparison.Ordinal)
            || (pinyin.Length > 0 && english.Contains(pinyin, StringComparison.OrdinalIgnoreCase))
            ? Fit.Contains
            : Fit.None;
    }

    /// <summary>
    /// The text without white space, apostrophes and hyphens, with ü and v read as u: pinyin input methods type ü as v
    /// (吕梁 is "lvliang"), and the English names write it ü (Lüliang).
    /// </summary>
    private static string Letters(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\'' or '\u2019' or '-')
            {
                continue;
            }

            letters.Append(c is 'ü' or 'Ü' or 'v' or 'V' ? 'u' : c);
        }

        return letters.ToString();
    }

    /// <summary>How well typed text fits a region; the better fits are offered first.</summary>
    private enum Fit
    {
        None,
        Contains,
        Begins,
    }
}
