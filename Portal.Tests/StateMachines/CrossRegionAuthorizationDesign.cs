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
            [(Requested, TimeOut)] = Lapsed,
        };

    public static readonly AuthorizationStatus[] Terminal = [Rejected, AuthorizationStatus.Expired, Revoked, Lapsed];

    /// <summary>A day on which every guard of a builder-made authorization holds: its window has ended, and so has a request's deadline.</summary>
    public static readonly DateOnly LateDay = DateOnly.FromDateTime(AuthorizationBuilder.ReviewDeadline);

    public static DateOnly Day(DateTime now) => DateOnly.FromDateTime(now);

    /// <summary>The moment on <paramref name="today"/> at which <see cref="Do"/> takes an action.</summary>
    public static DateTime At(DateOnly today) => today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

    /// <summary>Takes <paramref name="action"/> on <paramref name="today"/>; returns whether the arguments used were valid.</summary>
    public static bool Do(CrossRegionAuthorization authorization, AuthorizationAction action, DateOnly today, bool wantInvalid = false)
    {
        var at = At(today);
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
            case TimeOut:
                authorization.TimeOut(at);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
