namespace Portal.Domain.Common;

/// <summary>
/// What a text field may hold, whichever form or endpoint it came through. Text is stored, shown to other people,
/// hashed into the audit chain and exported to spreadsheets, so characters that are invisible or that reorder what
/// a reader sees are refused rather than cleaned: control characters (a line break only where the field has lines),
/// bidirectional overrides, embeddings, isolates and marks (the "Trojan Source" trick that makes 有限公司 read as
/// something else), Unicode non-characters and broken UTF-16.
/// </summary>
public static class InputText
{
    /// <summary>Whether <paramref name="text"/> holds only characters a person can type and read.</summary>
    /// <param name="text">The text, already trimmed.</param>
    /// <param name="multiline">Whether the field takes several lines (a note, a description): tab and line breaks are allowed.</param>
    public static bool IsClean(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                if (IsNonCharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || IsNonCharacter(c) || IsBidiControl(c))
            {
                return false;
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text without surrounding white space (the ideographic space included), or null when nothing is left.</summary>
    public static string? Trimmed(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    // U+FDD0–U+FDEF and the last two code points of every plane are permanently reserved as non-characters.
    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    // Marks (LRM, RLM, ALM), embeddings and overrides (LRE…RLO), and isolates (LRI…PDI).
    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
