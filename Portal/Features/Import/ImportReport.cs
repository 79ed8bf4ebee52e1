namespace Portal.Features.Import;

/// <summary>
/// One thing wrong with an import file: the row (the file's own row number, the header being row 1; null for the file as
/// a whole), the column's machine key (null when the problem is the row's or the file's), the reason code, and what it
/// concerns (an unknown header as written, the row a duplicate repeats, a limit).
/// </summary>
public sealed record ImportProblem(int? Row, string? Column, string Code, string? Detail = null);

/// <summary>
/// What an import did or would do: the kind, how many rows the file holds, the file's SHA-256 (hex), every problem found,
/// and — for an import that stored its rows — the audit entry that records it.
/// </summary>
public sealed record ImportReport(ImportKind Kind, bool DryRun, int Rows, string Sha256, IReadOnlyList<ImportProblem> Problems, long? AuditSequence = null)
{
    /// <summary>No row has a problem: importing the file stores every row.</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>The rows are stored (a clean file that was not a dry run).</summary>
    public bool Imported => !DryRun && IsClean;
}

/// <summary>How far an import has gone through its rows.</summary>
public readonly record struct ImportProgress(int Done, int Total);

/// <summary>An uploaded import file: its name as the browser gave it (kept for the audit entry only) and its content.</summary>
public sealed record ImportUpload(string? FileName, Stream Content);
