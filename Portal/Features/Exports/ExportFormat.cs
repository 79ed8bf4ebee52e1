namespace Portal.Features.Exports;

/// <summary>The file an export is written as (<c>format=csv|xlsx</c>).</summary>
public enum ExportFormat
{
    /// <summary>UTF-8 with a byte-order mark, so that Excel reads Chinese correctly.</summary>
    Csv,

    /// <summary>An Excel workbook of one sheet.</summary>
    Xlsx,
}
