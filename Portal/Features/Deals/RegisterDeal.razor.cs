using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Catalog;
using Portal.Localization;

namespace Portal.Features.Deals;

public sealed partial class RegisterDeal
{
    private readonly bool _chinese = PortalCultures.IsChinese(CultureInfo.CurrentUICulture);
    private RegistrationForm _form = new();
    private IReadOnlyList<PriceListRow> _prices = [];
    private FormMessages _messages = FormMessages.None;
    private DealRegistered? _registered;
    private Availability? _availability;
    private CurrentUser? _user;
    private bool _busy;
    private bool _focusOutcome;

    [Inject]
    private DealRegistrationService Registrations { get; set; } = default!;

    [Inject]
    private DealQueries Deals { get; set; } = default!;

    [Inject]
    private PriceListService PriceList { get; set; } = default!;

    [Inject]
    private BusinessClock Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private PageFocus Focus { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private decimal Total => _form.Lines.Sum(l => (l.UnitPrice ?? 0) * (l.Quantity ?? 0));

    /// <summary>USCC validation as the reseller types, with the reason in words.</summary>
    private string? UsccError =>
        string.IsNullOrEmpty(_form.Uscc) ? FieldError(Domain.Common.InputField.CustomerUscc)
        : Uscc.Validate(_form.Uscc) is { } error ? L[$"UsccError_{error}"]
        : FieldError(Domain.Common.InputField.CustomerUscc);

    protected override async Task OnInitializedAsync()
    {
        // A deal expected to close in a month, in the channel's days.
        _form = new RegistrationForm { ExpectedCloseDate = Clock.Today.AddDays(30).ToDateTime(TimeOnly.MinValue) };
        _user = CurrentUser.From((await AuthenticationState).User);
        _prices = await PriceList.GetAsync(_user!);
        if (_prices.Count > 0)
        {
            OnSkuChanged(_form.Lines[0], _prices[0].Sku);
        }
    }

    private string? FieldError(string field) => _messages.For(field);

    private PriceListRow? QuoteOf(string? sku) => _prices.FirstOrDefault(p => p.Sku == sku);

    private static decimal? Margin(LineForm line, PriceListRow? quote) =>
        quote?.PurchasePrice is { } purchase && line.UnitPrice is { } price && line.Quantity is { } quantity ? (price - purchase) * quantity : null;

    private void AddLine()
    {
        var line = new LineForm();
        _form.Lines.Add(line);
        OnSkuChanged(line, _prices.FirstOrDefault(p => _form.Lines.All(l => l.Sku != p.Sku))?.Sku);
    }

    private void OnSkuChanged(LineForm line, string? sku)
    {
        line.Sku = sku;

        // Uniform national price: the quote is the price in force, not something the reseller types.
        line.UnitPrice = QuoteOf(sku)?.UniformPrice;
    }

    private async Task OnUsccChanged(string? value)
    {
        _form.Uscc = value?.Trim().ToUpperInvariant();
        _availability = Uscc.Validate(_form.Uscc) is null ? (await Registrations.CheckAvailabilityAsync(_user!, _form.Uscc)).Value : null;
    }

    private async Task<IEnumerable<CustomerMatch>> SearchAsync(string? term, CancellationToken cancellationToken) =>
        await Deals.SearchCustomersAsync(_user!, term, cancellationToken);

    private async Task PickCustomer(CustomerMatch? customer)
    {
        if (customer is null)
        {
            return;
        }

        _form.Name = customer.LegalName;
        _form.RegionCode = customer.RegionCode;
        _form.Segment = customer.Segment;
        await OnUsccChanged(customer.Uscc);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusOutcome)
        {
            _focusOutcome = false;
            await Focus.OnAsync("[data-testid='registration-result']");
        }
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var result = await Registrations.RegisterAsync(_user!, _form.ToInput());
            _registered = result.Value;

            // Every reason lands next to the field it concerns — the input's errors, or the rules' reasons of a stored
            // registration; the form keeps what was typed.
            _messages = result.Succeeded ? FormMessages.Of(result.Value.Reasons, L, FormMessages.EveryField) : FormMessages.Of(result, L, FormMessages.EveryField);
            if (result.Value is { Status: DealStatus.Approved } registered)
            {
                _availability = new Availability(false, registered.ProtectedUntil, HeldByCaller: true);
            }

            // Nothing to correct: focus goes to the outcome (a refused one goes to its first field, FocusFirstError).
            _focusOutcome = result.Succeeded && !_messages.Any;
        }
        finally
        {
            _busy = false;
        }
    }

    private string ReasonText(Domain.Common.Reason reason) => Localization.ReasonText.Quoted(L, reason);

    private string OutcomeTitle(DealRegistered result) => result.Status switch
    {
        DealStatus.Approved => L["Register_Approved", Date(result.ProtectedUntil)],
        DealStatus.PendingReview => L["Register_PendingReview"],
        _ => L["Register_Rejected"],
    };

    private static Severity SeverityOf(DealStatus status) => status switch
    {
        DealStatus.Approved => Severity.Success,
        DealStatus.PendingReview => Severity.Warning,
        _ => Severity.Error,
    };

    private static string Date(DateOnly? day) => day is { } d ? BusinessClock.ShowDay(d) : string.Empty;

    private static string Money(decimal? amount) => MoneyText.Show(amount);
}
