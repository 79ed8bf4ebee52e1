using System.Globalization;
using System.Text;

namespace Portal.Domain.Customers;

/// <summary>
/// Customer-name normalization for duplicate detection: two spellings of one company ("广州某某科技有限公司" and
/// "广州某某科技 有限责任公司", "ACME Co., Ltd." and "acme") must compare equal.
/// </summary>
public static class CustomerName
{
    public const int MaxLength = 200;

    // Longest first, so "股份有限公司" is removed whole rather than leaving "股份".
    private static readonly string[] LegalSuffixes =
    [
        "股份有限公司", "有限责任公司", "有限公司", "companylimited", "corporation", "coltd", "limited", "corp", "ltd", "inc", "llc",
    ];

    /// <summary>
    /// Whether a name identifies a company: something is left once punctuation and the legal form are ignored
    /// ("有限公司" alone, or "Co., Ltd.", names nobody).
    /// </summary>
    public static bool Identifies(string name)
    {
        // Strip legal forms from the end until none is left: "股份有限公司" or "Co., Ltd." alone leave nothing.
        var folded = Fold(name);
        for (var stripped = true; stripped && folded.Length > 0;)
        {
            var suffix = LegalSuffixes.FirstOrDefault(s => folded.EndsWith(s, StringComparison.Ordinal));
            stripped = suffix is not null;
            folded = stripped ? folded[..^suffix!.Length] : folded;
        }

        return folded.Length > 0;
    }

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var result = Fold(name);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var suffix in LegalSuffixes)
            {
                if (result.Length > suffix.Length && result.EndsWith(suffix, StringComparison.Ordinal))
                {
                    result = result[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return result.ToString(CultureInfo.InvariantCulture);
    }

    // NFKC folds full-width letters, digits, punctuation and the ideographic space to their half-width forms; then
    // only letters and digits, in lower case, are compared.
    private static string Fold(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
