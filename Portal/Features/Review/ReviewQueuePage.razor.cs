using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Deals;
using Portal.Features.Authorizations;
using Portal.Features.Deals;
using Portal.Features.Recruitment;
using Portal.Localization;

namespace Portal.Features.Review;

/// <summary>
/// The ChannelManager's review queue: registrations held for review and extension requests, cross-region
/// authorization requests, and sub-agent applications. Each tab decides through its own service (state machine and
/// audit log included); the page keeps the tab counts and the last decision's message.
/// </summary>
public sealed partial class ReviewQueuePage
{
    private static readonly DealFilter DealQueue = new(Statuses: [DealStatus.PendingReview, DealStatus.ExtensionRequested]);
    private static readonly PageRequest CountOnly = new(0, 1, null, false);
    private (string Deals, string Authorizations, string Applications) _counts = ("0", "0", "0");
    private DecisionMessage? _message;
    private bool _focusMessage;
    private int _tab;

    // The tabs in their order, by the names a link opens them with (/review?tab=authorizations: a dashboard figure's).
    private static readonly string[] Tabs = ["deals", "authorizations", "applications"];

    [SupplyParameterFromQuery(Name = "tab")]
    private string? TabQuery { get; set; }

    [Inject]
    private DealQueries Deals { get; set; } = default!;

    [Inject]
    private AuthorizationDirectory Authorizations { get; set; } = default!;

    [Inject]
    private AgentApplications Applications { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private PageFocus Focus { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        _tab = Math.Max(0, Array.IndexOf(Tabs, TabQuery?.ToLowerInvariant()));
        return CountAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The decided row has left the queue: focus goes to the outcome, which the alert also announces.
        if (_focusMessage)
        {
            _focusMessage = false;
            await Focus.OnAsync("[data-testid='review-message']");
        }
    }

    private async Task DecidedAsync(DecisionMessage message)
    {
        _message = message;
        _focusMessage = true;
        await CountAsync();
    }

    private async Task CountAsync()
    {
        var manager = CurrentUser.From((await AuthenticationState).User)!;
        var deals = await Deals.ListAsync(manager, DealQueue, CountOnly);
        var authorizations = await Authorizations.QueueAsync(manager, CountOnly);
        var applications = await Applications.QueueAsync(manager, CountOnly);
        _counts = (deals.TotalText, authorizations.TotalText, applications.TotalText);
    }
}
