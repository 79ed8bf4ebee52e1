using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Features.Agents;

namespace Portal.Features.Authorizations;

/// <summary>An authorization after a use case changed it.</summary>
public sealed record AuthorizationChange(int Id, AuthorizationStatus Status);

/// <summary>
/// One authorization as lists show it. <see cref="CustomerName"/> is null when the authorization names no customer
/// (or one the reader cannot see). <see cref="DecideBy"/>, while the request waits, is the last business day of its
/// decision: after it the request lapses (ADR 28).
/// </summary>
public sealed record AuthorizationRow(
    int Id,
    string AgentCode,
    string AgentName,
    RegionLabel Region,
    int? CustomerId,
    string? CustomerName,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    AuthorizationStatus Status,
    string Reason,
    DateTime RequestedAt,
    DateTime? DecidedAt,
    string? DecisionNote,
    DateOnly? DecideBy = null);

/// <summary>
/// One authorization with what the reader may do to it now: for a ChannelManager the decisions (approve, reject,
/// revoke) that apply in its state, with any unmet guard keys; for everyone else none. Expiry is the expiry job's.
/// </summary>
public sealed record AuthorizationDetail(AuthorizationRow Authorization, string? DecidedBy, IReadOnlyList<ActionAvailability<AuthorizationAction>> Actions);

public sealed record AuthorizationFilter(AuthorizationStatus? Status = null, string? AgentCode = null);
