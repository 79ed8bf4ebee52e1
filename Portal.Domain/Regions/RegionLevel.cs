namespace Portal.Domain.Regions;

public enum RegionLevel
{
    Province,
    City,
    District,
}
