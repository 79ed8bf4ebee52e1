using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Identity;

/// <summary>A person who signs in to the portal. A Reseller user belongs to exactly one agent.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>Identity's column length for e-mail addresses and user names.</summary>
    public const int EmailMaxLength = 256;

    public string DisplayName { get; set; } = string.Empty;

    public int? AgentId { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions and tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The language the user chose last ("zh-CN" or "en").</summary>
    public string? PreferredCulture { get; set; }

    public DateTime CreatedAt { get; set; }
}
