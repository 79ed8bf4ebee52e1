using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Features.Agents;
using Portal.Localization;

namespace Portal.Features.Recruitment;

public sealed partial class SignAgent
{
    // The parent is chosen among agents that may take a sub-agent now: Active ones (the rule refuses any other).
    private const int ParentChoices = 10;

    private readonly SigningForm _form = new();
    private AgentRow? _parent;
    private FormMessages _messages = FormMessages.None;
    private bool _busy;

    [Inject]
    private AgentRecruitment Recruitment { get; set; } = default!;

    [Inject]
    private AgentDirectory Directory { get; set; } = default!;

    [Inject]
    private BusinessClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>
    /// The USCC checked as it is typed (GB 32100-2015): the rule's INVALID_USCC sentence with what is wrong, else what
    /// the service said about it.
    /// </summary>
    private string? UsccError =>
        !string.IsNullOrEmpty(_form.Uscc) && Domain.Customers.Uscc.Validate(_form.Uscc) is { } error
            ? $"{L[$"UsccError_{error}"]} {ReasonText.Quoted(L, new Reason(ReasonCode.InvalidUscc, AgentFields.Uscc))}"
            : Error(AgentFields.Uscc);

    protected override void OnInitialized()
    {
        // A contract runs a year from today (the channel's today) unless the manager signs other terms.
        var today = Clock.Today;
        _form.ContractStart = today.ToDateTime(TimeOnly.MinValue);
        _form.ContractEnd = today.AddYears(1).AddDays(-1).ToDateTime(TimeOnly.MinValue);
    }

    private string? Error(string field) => _messages.For(field);

    private void OnUsccChanged(string? value) => _form.Uscc = value?.Trim().ToUpperInvariant();

    private void OnParentChanged(AgentRow? parent)
    {
        _parent = parent;
        _form.ParentCode = parent?.Code;
    }

    // The reasons of entries are by position: they no longer match once one is removed.
    private void TerritoryChanged() => _messages = FormMessages.None;

    private async Task<IEnumerable<AgentRow>> SearchParentsAsync(string? text, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From((await AuthenticationState).User)!;
        var found = await Directory.SearchAsync(user, new AgentFilter(text, null, ContractStatus.Active), new PageRequest(0, ParentChoices, null, false), cancellationToken);
        return found.Items;
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var user = CurrentUser.From((await AuthenticationState).User)!;
            var result = await Recruitment.SignDirectlyAsync(user, _form.ToInput());
            if (result.Succeeded)
            {
                Navigation.NavigateTo($"/agents/{Uri.EscapeDataString(result.Value.Code)}");
                return;
            }

            _messages = FormMessages.Of(result, L, IsFormField);
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool IsFormField(string field) =>
        field is AgentFields.Code or AgentFields.LegalName or AgentFields.Uscc or AgentFields.Tier or AgentFields.ParentCode or AgentFields.Territory
            or AgentFields.ContractStart or AgentFields.ContractEnd or AgentFields.ContactName or AgentFields.ContactPhone or AgentFields.ContactEmail
        || field.StartsWith(AgentFields.Territory + "[", StringComparison.Ordinal);
}
