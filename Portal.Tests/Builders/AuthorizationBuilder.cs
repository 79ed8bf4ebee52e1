using Portal.Domain.Authorizations;
using Portal.Domain.Regions;

namespace Portal.Tests.Builders;

/// <summary>Builds a cross-region authorization and drives it to a state through its own methods.</summary>
internal sealed class AuthorizationBuilder
{
    public const string Manager = "manager@channels.local";
    public static readonly DateOnly ValidFrom = new(2026, 3, 1);
    public static readonly DateOnly ValidUntil = new(2026, 5, 31);

    /// <summary>When a builder-made request lapses.</summary>
    public static readonly DateTime ReviewDeadline = TestTime.Days(7);

    private AuthorizationStatus _status = AuthorizationStatus.Requested;

    public static AuthorizationBuilder Requested() => new();

    public static AuthorizationBuilder In(AuthorizationStatus status) => new() { _status = status };

    public CrossRegionAuthorization Build()
    {
        var authorization = new CrossRegionAuthorization(3, RegionCode.Parse("440300"), null, ValidFrom, ValidUntil, "深圳客户总部采购", TestTime.Now);
        authorization.SetReviewDeadline(ReviewDeadline);
        switch (_status)
        {
            case AuthorizationStatus.Requested:
                break;
            case AuthorizationStatus.Approved:
                authorization.Approve(Manager, TestTime.Now);
                break;
            case AuthorizationStatus.Rejected:
                authorization.Reject(Manager, TestTime.Now, "深圳核心代理已覆盖该客户");
                break;
            case AuthorizationStatus.Expired:
                authorization.Approve(Manager, TestTime.Now);
                authorization.Expire(ValidUntil.AddDays(1));
                break;
            case AuthorizationStatus.Revoked:
                authorization.Approve(Manager, TestTime.Now);
                authorization.Revoke();
                break;
            case AuthorizationStatus.Lapsed:
                authorization.TimeOut(ReviewDeadline);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(_status), _status, null);
        }

        Assert.Equal(_status, authorization.Status);
        return authorization;
    }
}
