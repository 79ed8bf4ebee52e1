namespace Portal.Domain.Deals;

/// <summary>A reason code attached to a registration's decision, with the input field it concerns.</summary>
public sealed class DealReason
{
    public const int CodeMaxLength = 40;
    public const int FieldMaxLength = 60;

    private DealReason()
    {
    }

    public DealReason(string code, string? field)
    {
        Code = code;
        Field = field;
    }

    public int Id { get; private set; }

    public int DealId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string? Field { get; private set; }
}
