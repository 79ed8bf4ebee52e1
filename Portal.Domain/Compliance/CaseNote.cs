namespace Portal.Domain.Compliance;

/// <summary>One entry of a case's notes timeline.</summary>
public sealed class CaseNote
{
    public const int TextMaxLength = 4000;

    private CaseNote()
    {
    }

    public CaseNote(string text, DateTime at, string author)
    {
        Text = text;
        At = at;
        Author = author;
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTime At { get; private set; }

    public string Author { get; private set; } = string.Empty;
}
