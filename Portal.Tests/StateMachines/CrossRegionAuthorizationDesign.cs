using Portal.Domain.Authorizations;
using Portal.Tests.Builders;
using static Portal.Domain.Authorizations.AuthorizationAction;
using static Portal.Domain.Authorizations.AuthorizationStatus;

namespace Portal.Tests.StateMachines;

/// <summary>DESIGN.md §5.3 written down as a table, and one way to take each action with arguments of a test's choosing.</summary>
internal static class CrossRegionAuthorizationDesign
{
    public static readonly IReadOnlyDictionary<(AuthorizationStatus From, AuthorizationAction Action), AuthorizationStatus> Allowed =
        new Dictionary<(AuthorizationStatus, AuthorizationAction), AuthorizationStatus>
        {
            [(Requested, Approve)] = Approved,
            [(Requested, Reject)] = Rejected,
            [(Approved, AuthorizationAction.Expire)] = AuthorizationStatus.Expired,
            [(Approved, Revoke)] = Revoked,
        };

    public static readonly AuthorizationStatus[] Terminal = [Rejected, AuthorizationStatus.Expired, Revoked];

    /// <summary>A day on which every guard of a builder-made authorization holds: its window has ended.</summary>
    public static readonly DateOnly LateDay = AuthorizationBuilder.ValidUntil.AddDays(1);

    public static DateOnly Day(DateTime now) => DateOnly.FromDateTime(now);

    /// <summary>Takes <paramref name="action"/> on <paramref name="today"/>; returns whether the arguments used were valid.</summary>
    public static bool Do(CrossRegionAuthorization authorization, AuthorizationAction action, DateOnly today, bool wantInvalid = false)
    {
        var at = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        switch (action)
        {
            case Approve:
                authorization.Approve(wantInvalid ? " " : AuthorizationBuilder.Manager, at);
                return !wantInvalid;
            case Reject:
                authorization.Reject(AuthorizationBuilder.Manager, at, wantInvalid ? string.Empty : "该区域已有授权代理");
                return !wantInvalid;
            case AuthorizationAction.Expire:
                authorization.Expire(today);
                return true;
            case Revoke:
                authorization.Revoke();
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
