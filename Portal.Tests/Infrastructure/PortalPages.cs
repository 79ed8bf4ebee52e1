using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Portal.Auth;

namespace Portal.Tests.Infrastructure;

/// <summary>A routed page of the portal and the policy its [Authorize] names (null: anyone may open it).</summary>
public sealed record PortalPage(string Route, string? Policy)
{
    /// <summary>The route with a sample record id where it names one (the demo data's first).</summary>
    public string SamplePath => PortalPages.SamplePath(Route);
}

/// <summary>Every routed page of the portal, read from the components — so a page added later is in every check that uses the list.</summary>
public static class PortalPages
{
    public static IReadOnlyList<PortalPage> All { get; } =
    [
        .. typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
            .Select(p => new PortalPage(p.Template, p.Type.GetCustomAttribute<AllowAnonymousAttribute>() is null ? p.Type.GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? "(none)" : null))
            .OrderBy(p => p.Route, StringComparer.Ordinal),
    ];

    public static string SamplePath(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[A-Za-z]+:(int|long)\}", "1");

    /// <summary>Whether a user of <paramref name="role"/> (and, for a reseller, its agent's tier) holds the policy.</summary>
    public static bool Holds(string role, string? tier, string policy) =>
        PortalPolicies.Get(policy).Allows(r => r == role, tier);
}
