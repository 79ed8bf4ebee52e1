using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Localization;

namespace Portal.Features.Authorizations;

/// <summary>A reseller asks for cross-region authorizations and follows the state of its requests.</summary>
public sealed partial class MyAuthorizations
{
    private static readonly HashSet<string> FormFields = new(StringComparer.Ordinal)
    {
        AuthorizationFields.RegionCode, AuthorizationFields.CustomerUscc, AuthorizationFields.ValidFrom, AuthorizationFields.ValidUntil, AuthorizationFields.Reason,
    };

    private readonly bool _chinese = PortalCultures.IsChinese(CultureInfo.CurrentUICulture);
    private AuthorizationRequestForm _form = null!;
    private FormMessages _messages = FormMessages.None;
    private AuthorizationChange? _requested;
    private MudDataGrid<AuthorizationRow>? _grid;
    private bool _busy;

    [Inject]
    private CrossRegionAuthorizationService Authorizations { get; set; } = default!;

    [Inject]
    private AuthorizationDirectory Directory { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private BusinessClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // The window starts on the business day the service judges it by, not the server's local date.
    private AuthorizationRequestForm NewForm() => AuthorizationRequestForm.Starting(Clock.Today);

    protected override void OnInitialized() => _form = NewForm();

    private async Task<CurrentUser> UserAsync() => CurrentUser.From((await AuthenticationState).User)!;

    private async Task<GridData<AuthorizationRow>> LoadAsync(GridState<AuthorizationRow> state, CancellationToken cancellationToken)
    {
        var result = await Directory.ListAsync(await UserAsync(), new AuthorizationFilter(), new PageRequest(state.Page, state.PageSize, null, true), cancellationToken);
        return new GridData<AuthorizationRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var result = await Authorizations.RequestAsync(await UserAsync(), _form.ToInput());
            _messages = FormMessages.Of(result, L, FormFields.Contains);
            _requested = result.Succeeded ? result.Value : null;
            if (result.Succeeded)
            {
                _form = NewForm();
                if (_grid is not null)
                {
                    await _grid.ReloadServerData();
                }
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Day(DateOnly day) => BusinessClock.ShowDay(day);
}
