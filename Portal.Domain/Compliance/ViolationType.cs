namespace Portal.Domain.Compliance;

public enum ViolationType
{
    DiscountSelling,
    CrossRegion,
    CustomerPoaching,
    Other,
}
