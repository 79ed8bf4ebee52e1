using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Portal.Features.Import;

/// <summary>A row of an import file: its row number in the file and its cells by column key (blank cells absent).</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string key] => Cells.GetValueOrDefault(key);
}

/// <summary>A file read into rows, or the problems that keep it from being read (then it has no rows).</summary>
public sealed record ImportSheet(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads an import file: an xlsx workbook (its first sheet) or CSV text (UTF-8, with or without a byte order mark, or
/// GB18030 as Excel saves CSV on a Chinese Windows; the separator detected). The first row is the header; entirely blank
/// rows are skipped but keep their numbers, so the numbers are those a spreadsheet shows.
/// </summary>
public static class ImportFile
{
    /// <summary>The most rows one import takes: enough for a channel's whole migration, few enough for one transaction.</summary>
    public const int MaxRows = 20_000;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportSheet Read(ImportKind kind, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<(int Number, string?[] Cells)> records;
        try
        {
            records = content.AsSpan().StartsWith(ZipSignature) ? Workbook(content) : Csv(content);
        }
#pragma warning disable CA1031 // Whatever the parsers throw on a damaged file, the answer is the same: it cannot be read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Problem(new ImportProblem(null, null, UseCaseCode.UnreadableFile));
        }

        if (records.Count == 0)
        {
            return Problem(new ImportProblem(null, null, UseCaseCode.NoRows));
        }

        var (header, problems) = Header(kind, records[0]);
        var rows = records.Skip(1)
            .Select(r => new ImportRow(r.Number, Cells(header, r.Cells)))
            .Where(r => r.Cells.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, UseCaseCode.NoRows));
        }
        else if (rows.Count > MaxRows)
        {
            problems.Add(new ImportProblem(null, null, UseCaseCode.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture)));
        }

        return problems.Count > 0 ? new ImportSheet([], problems) : new ImportSheet(rows, []);
    }

    private static ImportSheet Problem(ImportProblem problem) => new([], [problem]);

    // Each header cell names a column of the template (or is blank); every required column is there, once.
    private static (ImportColumn?[] Columns, List<ImportProblem> Problems) Header(ImportKind kind, (int Number, string?[] Cells) header)
    {
        var problems = new List<ImportProblem>();
        var columns = new ImportColumn?[header.Cells.Length];
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var text = header.Cells[i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var column = ImportColumns.Find(kind, text);
            if (column is null)
            {
                problems.Add(new ImportProblem(header.Number, null, UseCaseCode.UnknownColumn, text));
            }
            else if (columns.Contains(column))
            {
                problems.Add(new ImportProblem(header.Number, column.Key, UseCaseCode.DuplicateInFile));
            }
            else
            {
                columns[i] = column;
            }
        }

        problems.AddRange(ImportColumns.Of(kind)
            .Where(c => c.Required && !columns.Contains(c))
            .Select(c => new ImportProblem(header.Number, c.Key, UseCaseCode.MissingColumn)));
        return (columns, problems);
    }

    private static Dictionary<string, string> Cells(ImportColumn?[] columns, string?[] cells)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(columns.Length, cells.Length); i++)
        {
            if (columns[i] is { } column && cells[i]?.Trim() is { Length: > 0 } value)
            {
                values[column.Key] = value;
            }
        }

        return values;
    }

    private static List<(int, string?[])> Workbook(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var records = new List<(int, string?[])>();
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            records.Add((number, [.. row.Values.Select(Text)]));
            if (records.Count > ImportFile.MaxRows + 1)
            {
                break;
            }
        }

        return records;
    }

    // A workbook's cells come typed: a region code typed as a number is 440106, not 440106.0; a date is a day.
    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        DateTime day => DateOnly.FromDateTime(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static List<(int, string?[])> Csv(byte[] content)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            Encoding = IsUtf8(content) ? null : Encoding.GetEncoding("GB18030"),
        };
        using var stream = new MemoryStream(content, writable: false);
        using var reader = CsvReader.Create(stream, options, false);
        var records = new List<(int, string?[])>();
        while (reader.Read())
        {
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            records.Add(((int)reader.LineNumber, cells));
            if (records.Count > MaxRows + 1)
            {
                break;
            }
        }

        return records;
    }

    private static bool IsUtf8(byte[] content)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
