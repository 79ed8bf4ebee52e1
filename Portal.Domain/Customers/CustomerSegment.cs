namespace Portal.Domain.Customers;

/// <summary>The market segment of an end customer: 政企 / 家庭 / 公众.</summary>
public enum CustomerSegment
{
    GovernmentEnterprise,
    Household,
    Public,
}
