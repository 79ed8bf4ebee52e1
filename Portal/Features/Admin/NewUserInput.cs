using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Admin;

/// <summary>The Admin's form for a new account.</summary>
public sealed class NewUserInput
{
    [Required]
    [EmailAddress]
    [MaxLength(256)]
    public string Email { get; set; } = string.Empty;

    [Required]
    [MaxLength(Data.Identity.PortalUser.DisplayNameMaxLength)]
    public string DisplayName { get; set; } = string.Empty;

    [Required]
    public string Role { get; set; } = Data.Identity.PortalRoles.Reseller;

    /// <summary>Required for a Reseller (its one agent), empty for vendor staff.</summary>
    public string? AgentCode { get; set; }

    [Required]
    public string Password { get; set; } = string.Empty;
}
