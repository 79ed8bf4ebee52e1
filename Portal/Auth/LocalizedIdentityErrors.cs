using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Localization;

namespace Portal.Auth;

/// <summary>Identity's refusals (password policy, duplicate email …) in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail), userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? string.Empty);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail), userName ?? string.Empty);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = localizer[$"Identity_{code}", arguments] };
}
