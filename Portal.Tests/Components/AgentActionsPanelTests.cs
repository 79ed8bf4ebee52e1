using Bunit;
using Portal.Data.Identity;
using Portal.Features.Agents;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The agent page's actions with the real services: the contract steps of the agent's state, those held back with their guard sentences.</summary>
public sealed class AgentActionsPanelTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public AgentActionsPanelTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(AgentAdministration), typeof(AgentDetails));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese)]
    [InlineData(PortalCultures.English)]
    public async Task A_suspended_agent_offers_reinstatement_only_once_the_suspension_has_ended(string culture)
    {
        UseCulture(culture);
        var manager = await _app.UserAsync("manager@channels.local");
        var id = await AgentIdAsync("T2-YUEXIU");
        Assert.True((await _app.Service<AgentAdministration>().SuspendAsync(manager, id, new SuspensionInput { Note = "调查期间暂停。" })).Succeeded);
        var agent = (await _app.Service<AgentDetails>().GetAsync(manager, id))!;

        var panel = Render<AgentActionsPanel>(p => p.Add(c => c.Agent, agent).Add(c => c.OnDone, _ => { }));

        Assert.True(panel.Find("[data-action='Reinstate']").HasAttribute("disabled"));
        Assert.Equal(Localized("Guard_SuspensionEnded"), panel.Find("[data-guard='SuspensionEnded']").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-action='Suspend']"));
        Assert.Empty(panel.FindAll("[data-action='Terminate']"));
    }

    [Fact]
    public async Task A_termination_without_a_reason_is_refused_on_the_field()
    {
        var manager = await _app.UserAsync("manager@channels.local");
        var agent = (await _app.Service<AgentDetails>().GetByCodeAsync(manager, "T1-SH"))!;
        var panel = Render<AgentActionsPanel>(p => p.Add(c => c.Agent, agent).Add(c => c.OnDone, _ => { }));

        panel.Find("[data-action='Terminate']").Click();
        panel.Find("[data-testid='agent-confirm']").Click();

        panel.WaitForAssertion(() => Assert.Contains("REQUIRED", panel.Find("[data-testid='agent-action-form']").TextContent, StringComparison.Ordinal));
        Assert.Equal(Portal.Domain.Agents.ContractStatus.Active, (await _app.Service<AgentDetails>().GetByCodeAsync(manager, "T1-SH"))!.Contract.Status);
    }

    private async Task<int> AgentIdAsync(string code)
    {
        await using var db = await _app.CreateContextAsync();
        return db.Agents.Single(a => a.Code == code).Id;
    }
}
