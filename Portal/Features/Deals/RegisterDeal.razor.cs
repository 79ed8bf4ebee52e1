using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Auth;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Catalog;
using Portal.Localization;

namespace Portal.Features.Deals;

public sealed partial class RegisterDeal
{
    private readonly RegistrationForm _form = new() { ExpectedCloseDate = DateTime.Today.AddDays(30) };
    private readonly bool _chinese = PortalCultures.IsChinese(CultureInfo.CurrentUICulture);
    private IReadOnlyList<PriceListRow> _prices = [];
    private Dictionary<string, string> _fieldErrors = new(StringComparer.Ordinal);
    private RegistrationResult? _result;
    private AvailabilityResult? _availability;
    private CurrentUser? _user;
    private bool _busy;

    [Inject]
    private DealRegistrationService Registrations { get; set; } = default!;

    [Inject]
    private DealQueries Deals { get; set; } = default!;

    [Inject]
    private PriceListService PriceList { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

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
        _user = CurrentUser.From((await AuthenticationState).User);
        _prices = await PriceList.GetAsync(_user!);
        if (_prices.Count > 0)
        {
            OnSkuChanged(_form.Lines[0], _prices[0].Sku);
        }
    }

    private string? FieldError(string field) => _fieldErrors.GetValueOrDefault(field);

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
        _availability = Uscc.Validate(_form.Uscc) is null ? await Registrations.CheckAvailabilityAsync(_user!, _form.Uscc) : null;
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

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            _result = await Registrations.RegisterAsync(_user!, _form.ToInput());

            // Every refusal lands next to the field it concerns; reasons about the whole request stay in the summary.
            _fieldErrors = _result.Errors.Select(e => (e.Field, e.Code))
                .Concat(_result.Reasons.Where(r => r.Field is not null).Select(r => (Field: r.Field!, r.Code)))
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => ReasonText(e.Code)).Distinct()), StringComparer.Ordinal);
            if (_result is { IsValid: true, DealId: not null, Status: DealStatus.Approved })
            {
                _availability = await Registrations.CheckAvailabilityAsync(_user!, _form.Uscc);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string ReasonText(string code) => Localization.ReasonText.Of(L, code);

    private string OutcomeTitle(RegistrationResult result) => result.Status switch
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

    private static string Date(DateTime? value) => value?.ToLocalTime().ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    private static string Money(decimal? amount) => amount is null ? "—" : "¥" + amount.Value.ToString("N2", CultureInfo.InvariantCulture);
}
