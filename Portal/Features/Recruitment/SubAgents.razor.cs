using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Domain.Agents;
using Portal.Features.Agents;
using Portal.Localization;

namespace Portal.Features.Recruitment;

/// <summary>
/// The reseller's subtree and the recruitment of sub-agents (DESIGN.md §2.2): only Core agents and above develop
/// sub-agents, so a Tier-1 or Tier-2 reseller is told why instead of shown a form the service would refuse.
/// </summary>
public sealed partial class SubAgents
{
    private CurrentUser? _user;
    private AgentTier? _tier;
    private IReadOnlyList<AgentNode>? _roots;
    private int _treeVersion;

    /// <summary>Recruitment (DESIGN.md §2.2): only Core agents and above develop sub-agents.</summary>
    private bool CanRecruit => _tier is { } tier && tier.MayRecruit();

    [Inject]
    private AgentDetails Details { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = CurrentUser.From((await AuthenticationState).User);
        _tier = Enum.TryParse<AgentTier>(_user?.AgentTier, out var tier) ? tier : null;
        if (_user is not null && CanRecruit)
        {
            _roots = await Details.ChildrenAsync(_user, null) ?? [];
        }
    }

    private async Task ReloadTreeAsync()
    {
        _roots = await Details.ChildrenAsync(_user!, null) ?? [];
        _treeVersion++;
    }
}
