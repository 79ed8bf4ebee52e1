using System.IO.Compression;
using System.Text;

namespace Portal.Domain.Compliance;

/// <summary>
/// The kinds of file evidence may be (DESIGN.md §8: images, PDF, spreadsheets, documents, text), each told from the
/// content's own bytes — never from the name — and known by the extensions a file of that kind may carry.
/// </summary>
public sealed class EvidenceFileType
{
    public static readonly EvidenceFileType Png = new("image/png", ".png");
    public static readonly EvidenceFileType Jpeg = new("image/jpeg", ".jpg", ".jpeg");
    public static readonly EvidenceFileType Gif = new("image/gif", ".gif");
    public static readonly EvidenceFileType WebP = new("image/webp", ".webp");
    public static readonly EvidenceFileType Pdf = new("application/pdf", ".pdf");
    public static readonly EvidenceFileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly EvidenceFileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly EvidenceFileType Csv = new("text/csv", ".csv");
    public static readonly EvidenceFileType Text = new("text/plain", ".txt");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private EvidenceFileType(string contentType, params string[] extensions)
    {
        ContentType = contentType;
        Extensions = extensions;
    }

    public static IReadOnlyList<EvidenceFileType> All { get; } = [Png, Jpeg, Gif, WebP, Pdf, Xlsx, Docx, Csv, Text];

    /// <summary>The extensions accepted, for a file picker's <c>accept</c> attribute.</summary>
    public static string AcceptedExtensions { get; } = string.Join(',', All.SelectMany(t => t.Extensions));

    public string ContentType { get; }

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// The kind <paramref name="content"/> is, from its bytes: an image or PDF by its signature, a spreadsheet or
    /// document by the parts inside its zip package, text when it is UTF-8 without control characters (a CSV or plain
    /// text file, which only the name's extension tells apart). Null when it is none of the kinds evidence may be.
    /// </summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return OfficePackage(content.ToArray());
        }

        return IsText(content)
            ? string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text
            : null;
    }

    /// <summary>Whether <paramref name="fileName"/>'s extension is one a file of this kind may carry.</summary>
    public bool Names(string fileName) => Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    public override string ToString() => ContentType;

    // An Office Open XML package names its main part: xl/workbook.xml for a workbook, word/document.xml for a document.
    private static EvidenceFileType? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("xl/workbook.xml") ? Xlsx : names.Contains("word/document.xml") ? Docx : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            // Not a readable zip package: no kind evidence may be.
            return null;
        }
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (ArgumentException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }
}
