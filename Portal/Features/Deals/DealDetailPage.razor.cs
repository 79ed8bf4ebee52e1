using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Localization;

namespace Portal.Features.Deals;

public sealed partial class DealDetailPage
{
    private readonly bool _chinese = PortalCultures.IsChinese(CultureInfo.CurrentUICulture);
    private DealDetail? _deal;
    private bool _loaded;
    private string? _message;
    private bool _messageIsError;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private DealQueries Deals { get; set; } = default!;

    [Inject]
    private BusinessClock Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var user = CurrentUser.From((await AuthenticationState).User)!;

        // A deal outside the caller's subtree answers "not found", exactly like a missing one.
        _deal = await Deals.GetAsync(user, Id);
        _loaded = true;
    }

    private void Show((string Message, bool IsError) message) => (_message, _messageIsError) = message;

    private static string Money(decimal amount) => MoneyText.Show(amount);
}
