using Portal.Domain.Common;

namespace Portal.Domain.Compliance;

/// <summary>
/// Whether a file may be evidence (DESIGN.md §8): not empty, at most <c>Evidence:MaxBytes</c>, of a kind evidence may be
/// as its content shows (<see cref="EvidenceFileType"/>), and named as what it is — a PNG called quote.pdf is refused.
/// </summary>
public static class EvidenceFileCheck
{
    /// <summary>The file's kind, or the reason (on the <c>file</c> field) it cannot be evidence.</summary>
    public static (EvidenceFileType? Type, Reason? Refusal) Check(ReadOnlySpan<byte> content, string fileName, long maxBytes)
    {
        if (content.IsEmpty)
        {
            return (null, new Reason(ReasonCode.Required, InputField.File));
        }

        if (content.Length > maxBytes)
        {
            return (null, new Reason(ReasonCode.FileTooLarge, InputField.File, maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (EvidenceFileType.Detect(content, fileName) is not { } type)
        {
            return (null, new Reason(ReasonCode.FileTypeNotAllowed, InputField.File));
        }

        return type.Names(fileName) ? (type, null) : (null, new Reason(ReasonCode.FileTypeMismatch, InputField.File, type.Extensions[0]));
    }
}
