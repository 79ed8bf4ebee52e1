namespace Portal.Features.Admin;

/// <summary>The Admin's form for a new account; checked by <see cref="UserAdministration.CreateAsync"/>.</summary>
public sealed class NewUserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; } = Data.Identity.PortalRoles.Reseller;

    /// <summary>Required for a Reseller (its one agent), empty for vendor staff.</summary>
    public string? AgentCode { get; set; }

    public string? Password { get; set; }
}

/// <summary>A portal account a channel manager creates for an agent: who it is for (its role is Reseller, its agent the one named).</summary>
public sealed record AgentUserInput(string? Email, string? DisplayName);

/// <summary>The input fields of the account use cases, as reasons name them.</summary>
public static class UserFields
{
    public const string Email = "email";
    public const string DisplayName = "displayName";
    public const string Role = "role";
    public const string AgentCode = "agentCode";
    public const string Password = "password";
    public const string Regions = Domain.Common.InputField.Territory;
}
