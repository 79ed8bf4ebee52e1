using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Portal.Localization;

namespace Portal.Auth;

public sealed partial class SignIn
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SignInInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new SignInInput();
        Input.ReturnUrl ??= ReturnUrl;
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            // A fresh sign-in page drops whatever half-finished external sign-in was in progress.
            await HttpContext.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ExternalScheme).ConfigureAwait(false);
        }
    }

    private async Task SignInAsync()
    {
        Input ??= new SignInInput();
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            _error = L["SignIn_Required"];
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true).ConfigureAwait(false);
        await Audit.RecordSignInAsync(Input.Email.Trim(), result, "web").ConfigureAwait(false);
        if (result.Succeeded)
        {
            var user = await UserManager.FindByEmailAsync(Input.Email.Trim()).ConfigureAwait(false);
            if (PortalCultures.IsSupported(user?.PreferredCulture))
            {
                HttpContext.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user!.PreferredCulture!)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            Navigation.NavigateTo(Hosting.LocalUrl.OrHome(Input.ReturnUrl), forceLoad: true);
            return;
        }

        _error = result.IsLockedOut ? L["SignIn_LockedOut"]
            : result.IsNotAllowed ? L["SignIn_NotAllowed"]
            : L["SignIn_Invalid"];
    }

    internal sealed class SignInInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
