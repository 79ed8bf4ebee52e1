namespace Portal.Features.Exports;

/// <summary>How a cell is written: the same value reads as text in a CSV file and as a typed cell in a workbook.</summary>
public enum ExportCell
{
    /// <summary>The value as it is (a name, a code).</summary>
    Text,

    /// <summary>A resource key, written as its text in the reader's language (a status, a tier); without one, the name after the key's prefix.</summary>
    Label,

    /// <summary>An amount of money: two decimals, invariant.</summary>
    Money,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>An instant (UTC), written in business time as <c>yyyy-MM-dd HH:mm</c>.</summary>
    Instant,

    /// <summary>A business day, written <c>yyyy-MM-dd</c>.</summary>
    Day,
}

/// <summary>One column of an exported grid: its header (a resource key), how its cells are written, and the row's value.</summary>
public sealed record ExportColumn<TRow>(string Header, ExportCell Cell, Func<TRow, object?> Value);

/// <summary>
/// The columns of one grid's export, declared once per grid (<c>DealExport</c>, <c>AgentExport</c>, …) next to the
/// list they export; the writers (<see cref="ExportWriter"/>) serve every grid.
/// </summary>
public sealed class ExportColumns<TRow>
{
    private readonly List<ExportColumn<TRow>> _columns = [];

    public IReadOnlyList<ExportColumn<TRow>> All => _columns;

    public ExportColumns<TRow> Text(string header, Func<TRow, string?> value) => Add(header, ExportCell.Text, value);

    /// <summary>A label looked up by its resource key, e.g. <c>r => $"DealStatus_{r.Status}"</c>.</summary>
    public ExportColumns<TRow> Label(string header, Func<TRow, string?> key) => Add(header, ExportCell.Label, key);

    public ExportColumns<TRow> Money(string header, Func<TRow, decimal?> value) => Add(header, ExportCell.Money, r => value(r));

    public ExportColumns<TRow> Number(string header, Func<TRow, long?> value) => Add(header, ExportCell.Number, r => value(r));

    public ExportColumns<TRow> Instant(string header, Func<TRow, DateTime?> value) => Add(header, ExportCell.Instant, r => value(r));

    public ExportColumns<TRow> Day(string header, Func<TRow, DateOnly?> value) => Add(header, ExportCell.Day, r => value(r));

    private ExportColumns<TRow> Add(string header, ExportCell cell, Func<TRow, object?> value)
    {
        _columns.Add(new ExportColumn<TRow>(header, cell, value));
        return this;
    }
}
