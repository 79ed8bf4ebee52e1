using Bunit;
using Portal.Features;
using Portal.Features.Import;
using Portal.Localization;

namespace Portal.Tests.Components;

/// <summary>The import page's table of a dry run's problems: each row number, the column by its name, the code and its sentence, in the reader's language.</summary>
public sealed class ImportReportTableTests : PortalTestContext
{
    private static readonly IReadOnlyList<ImportProblem> Problems =
    [
        new(null, null, "FILE_TOO_LARGE", "10 MB"),
        new(1, null, UseCaseCode.UnknownColumn, "Colour"),
        new(3, ImportColumns.Uscc, "INVALID_USCC"),
        new(5, ImportColumns.Code, UseCaseCode.DuplicateInFile, "2"),
    ];

    [Fact]
    public void Each_problem_is_a_row_with_its_row_number_column_name_code_and_chinese_sentence()
    {
        var table = Render<ImportProblemsTable>(p => p.Add(t => t.Kind, ImportKind.Agents).Add(t => t.Problems, Problems));

        var rows = table.FindAll("[data-testid='import-problem']");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["整个文件", string.Empty, "FILE_TOO_LARGE", "文件超过 10 MB。"], Cells(rows[0]));
        Assert.Equal(["1", "Colour", "UNKNOWN_COLUMN", "模板中没有\"Colour\"这一列。"], Cells(rows[1]));
        Assert.Equal(["3", "统一社会信用代码 (uscc)", "INVALID_USCC"], Cells(rows[2]).Take(3));
        Assert.Equal(["5", "编码 (code)", "DUPLICATE_IN_FILE", "文件第 2 行已有相同的值。"], Cells(rows[3]));
    }

    [Fact]
    public void In_english_the_columns_and_sentences_are_english()
    {
        UseCulture(PortalCultures.English);

        var table = Render<ImportProblemsTable>(p => p.Add(t => t.Kind, ImportKind.Agents).Add(t => t.Problems, Problems));

        var rows = table.FindAll("[data-testid='import-problem']");
        Assert.Equal(["5", "Code (code)", "DUPLICATE_IN_FILE", "Row 2 of the file already has this value."], Cells(rows[3]));
        Assert.Equal("Row", table.Find("th").TextContent);
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
}
