namespace Portal.Domain.Regions;

/// <summary>An administrative division of mainland China, as published under GB/T 2260.</summary>
public sealed class Region
{
    public const int NameMaxLength = 100;

    private Region()
    {
    }

    public Region(RegionCode code, string nameZh, string nameEn)
    {
        Code = code.Value;
        Level = code.Level;
        ParentCode = code.Parent?.Value;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public string Code { get; private set; } = string.Empty;

    public RegionLevel Level { get; private set; }

    public string? ParentCode { get; private set; }

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
