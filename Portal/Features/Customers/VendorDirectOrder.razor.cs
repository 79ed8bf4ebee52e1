using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Localization;

namespace Portal.Features.Customers;

/// <summary>
/// A ChannelManager records a sale the vendor makes itself. Customer protection's promise to agents is checked by
/// <see cref="VendorDirectSales"/>: a customer an agent holds is refused with <c>VENDOR_DIRECT_BLOCKED</c>.
/// </summary>
public sealed partial class VendorDirectOrder
{
    private VendorDirectSaleInput _input = new();
    private FormMessages _messages = FormMessages.None;
    private VendorDirectSaleRecorded? _recorded;
    private IReadOnlyList<Domain.Common.Reason>? _refusal;
    private bool _busy;

    [Inject]
    private VendorDirectSales Sales { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string? FieldError(string field) => _messages.For(field);

    private async Task RecordAsync()
    {
        _busy = true;
        try
        {
            var manager = CurrentUser.From((await AuthenticationState).User)!;
            var result = await Sales.RecordDirectSaleAsync(manager, _input);
            _messages = result.Outcome == UseCaseOutcome.Invalid ? FormMessages.Of(result, L, FormMessages.EveryField) : FormMessages.None;
            _recorded = result.Succeeded ? result.Value : null;
            _refusal = result.Outcome == UseCaseOutcome.Refused ? result.Reasons : null;
            if (result.Succeeded)
            {
                _input = new VendorDirectSaleInput();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
