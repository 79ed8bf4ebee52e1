using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Portal.Domain.Audit;
using Portal.Features.Audit;

namespace Portal.Auth;

/// <summary>Writes every refused request of a signed-in user to the audit log, then answers as usual (403).</summary>
public sealed class AuditedAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && CurrentUser.From(context.User) is { } user)
        {
            await audit.RecordAsync(new AuditRecord(user.Email, AuditAction.AuthorizationDenied, AuditEntity.Request, Truncate($"{context.Request.Method} {context.Request.Path}"), After: new { role = user.PrimaryRole }), context.RequestAborted).ConfigureAwait(false);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60];
}
