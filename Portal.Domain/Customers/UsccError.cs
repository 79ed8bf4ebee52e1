namespace Portal.Domain.Customers;

/// <summary>Why a string is not a valid Unified Social Credit Code (GB 32100-2015).</summary>
public enum UsccError
{
    Empty,
    WrongLength,
    InvalidCharacter,
    InvalidRegistrationAuthority,
    InvalidRegionPart,
    OrganizationCodeCheckFailed,
    CheckCharacterMismatch,
}
