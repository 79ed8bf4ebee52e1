using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Features.Agents;
using Portal.Localization;

namespace Portal.Features.Recruitment;

public sealed partial class RecruitForm
{
    private SubAgentForm _form = new();
    private FormMessages _messages = FormMessages.None;
    private AgentEnrolled? _enrolled;
    private bool _busy;

    /// <summary>The recruiting reseller (Core or Strategic).</summary>
    [Parameter, EditorRequired]
    public required CurrentUser User { get; set; }

    /// <summary>The recruiter's own tier: only tiers strictly below it are offered.</summary>
    [Parameter, EditorRequired]
    public required AgentTier RecruiterTier { get; set; }

    /// <summary>Called after an application was filed, so the page can show the new node.</summary>
    [Parameter]
    public EventCallback<AgentEnrolled> OnRecruited { get; set; }

    [Inject]
    private AgentRecruitment Recruitment { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private IEnumerable<AgentTier> Tiers => Enum.GetValues<AgentTier>().Where(t => t.IsBelow(RecruiterTier));

    /// <summary>The USCC checked as it is typed (GB 32100-2015), else what the service said about it.</summary>
    private string? UsccError =>
        !string.IsNullOrEmpty(_form.Uscc) && Domain.Customers.Uscc.Validate(_form.Uscc) is { } error
            ? L[$"UsccError_{error}"]
            : Error(AgentFields.Uscc);

    private string? Error(string field) => _messages.For(field);

    private void OnUsccChanged(string? value) => _form.Uscc = value?.Trim().ToUpperInvariant();

    // The reasons of entries are by position: they no longer match once one is removed.
    private void TerritoryChanged() => _messages = FormMessages.None;

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var result = await Recruitment.RecruitAsync(User, _form.ToInput());
            _messages = FormMessages.Of(result, L, IsFormField);
            _enrolled = result.Succeeded ? result.Value : null;
            if (result.Succeeded)
            {
                _form = new SubAgentForm();
                await OnRecruited.InvokeAsync(result.Value);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool IsFormField(string field) =>
        field is AgentFields.Code or AgentFields.LegalName or AgentFields.Uscc or AgentFields.Tier or AgentFields.Territory
            or AgentFields.ContactName or AgentFields.ContactPhone or AgentFields.ContactEmail
        || field.StartsWith(AgentFields.Territory + "[", StringComparison.Ordinal);
}
