using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Portal.Features.Import;

/// <summary>A template to download: the file's name, its media type and its bytes.</summary>
public sealed record ImportTemplateFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The templates of the imports: one header row — each column's name in the reader's language with its machine key in
/// parentheses — in an xlsx workbook or a CSV file (UTF-8 with a byte order mark, so that Excel shows the Chinese).
/// </summary>
public static class ImportTemplate
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static bool IsFormat(string? format) => format is Csv or Xlsx;

    public static ImportTemplateFile For(ImportKind kind, string format, CultureInfo culture)
    {
        var headers = ImportColumns.Of(kind).Select(c => ImportColumns.Header(c, culture)).ToArray();
        var name = $"channels-{kind.ToString().ToLowerInvariant()}-template.{format}";
        using var output = new MemoryStream();
        if (format == Xlsx)
        {
            // The header is written as the first row of cells (MiniExcel names a dictionary's columns by its keys).
            var row = headers.Select((h, i) => (Column: ColumnName(i), Header: h)).ToDictionary(c => c.Column, c => (object?)c.Header);
            MiniExcel.SaveAs(output, new[] { row }, printHeader: false, sheetName: kind.ToString());
            return new ImportTemplateFile(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", output.ToArray());
        }

        output.Write("\uFEFF"u8);
        using (var writer = CsvWriter.Create(output, null, true))
        {
            writer.WriteHeader(headers);
        }

        return new ImportTemplateFile(name, "text/csv; charset=utf-8", output.ToArray());
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();
}
