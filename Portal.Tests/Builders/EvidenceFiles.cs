using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Tests.Builders;

/// <summary>Small but real files of each kind evidence may be, built in memory, and their SHA-256.</summary>
public static class EvidenceFiles
{
    /// <summary>A one-page PDF whose text is <paramref name="text"/> (as a comment; enough for the signature and a reader).</summary>
    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A minimal workbook package: the parts by which a spreadsheet is known.</summary>
    public static byte[] Xlsx() => Package("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    /// <summary>A zip that is no Office document.</summary>
    public static byte[] Zip() => Package("readme.txt");

    /// <summary>The lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Package(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
