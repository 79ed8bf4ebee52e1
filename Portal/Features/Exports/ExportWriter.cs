using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Portal.Localization;

namespace Portal.Features.Exports;

/// <summary>
/// Writes any grid's rows as CSV (CsvHelper) or xlsx (MiniExcel), one row at a time as the query yields it, so that an
/// export of a million rows never holds them in memory (ADR 29). Headers and labels are in the reader's language (the
/// current UI culture); times in business time (<c>Business:TimeZone</c>); money invariant with two decimals.
/// </summary>
public sealed class ExportWriter(IStringLocalizer<SharedResource> localizer, BusinessClock clock)
{
    private static readonly CsvWriterOptions Csv = new()
    {
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        // A cell that starts like a formula (=, +, -, @) is escaped so that a spreadsheet shows it rather than runs it.
        Injection = CsvInjection.Escape,
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>The file's name: the grid's name and the business day it was taken, e.g. <c>deals-20261130.csv</c>.</summary>
    public string FileName(string stem, ExportFormat format) =>
        $"{stem}-{clock.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{(format == ExportFormat.Xlsx ? "xlsx" : "csv")}";

    public Task WriteAsync<TRow>(Stream output, ExportFormat format, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return format == ExportFormat.Xlsx
            ? WriteXlsxAsync(output, columns, rows, cancellationToken)
            : WriteCsvAsync(output, columns, rows, cancellationToken);
    }

    private async Task WriteCsvAsync<TRow>(Stream output, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            foreach (var column in columns)
            {
                csv.WriteField(localizer[column.Header].Value);
            }

            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var column in columns)
                {
                    csv.WriteField(CsvText(column.Cell, column.Value(row)));
                }

                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteXlsxAsync<TRow>(Stream output, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var headers = columns.Select(c => localizer[c.Header].Value).ToList();
        var configuration = new OpenXmlConfiguration { FastMode = false, AutoFilter = false, EnableWriteNullValueCell = true };
        var body = new AsyncOnlyOutput(output);
        await using (body.ConfigureAwait(false))
        {
            await body.SaveAsAsync(Dictionaries(headers, columns, rows, cancellationToken), printHeader: true, sheetName: "Sheet1", excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Each row as MiniExcel reads a row of unknown shape: header → typed cell, in column order.
    private async IAsyncEnumerable<IDictionary<string, object?>> Dictionaries<TRow>(
        List<string> headers, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[headers[i]] = XlsxValue(columns[i].Cell, columns[i].Value(row));
            }

            yield return cells;
        }
    }

    // A label's words; the name after the key's prefix when the table has none (a stored action added later, say).
    private string Label(string key)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? key[(key.IndexOf('_', StringComparison.Ordinal) + 1)..] : text.Value;
    }

    private string CsvText(ExportCell cell, object? value) => value switch
    {
        null => string.Empty,
        decimal money => money.ToString("0.00", CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => XlsxValue(cell, value)?.ToString() ?? string.Empty,
    };

    // Money and numbers stay numbers in a workbook; everything else is the text the CSV file has.
    private object? XlsxValue(ExportCell cell, object? value) => (cell, value) switch
    {
        (_, null) => null,
        (ExportCell.Label, string key) => Label(key),
        (ExportCell.Money, decimal money) => Math.Round(money, 2, MidpointRounding.AwayFromZero),
        (ExportCell.Instant, DateTime utc) => clock.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        (ExportCell.Day, DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };
}
