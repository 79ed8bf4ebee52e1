using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Regional protection's exception: an Approved, unexpired cross-region authorization (跨区授权).</summary>
public sealed class RegistrationAuthorizationTests
{
    private static readonly DateOnly Today = TestTime.Today;

    /// <summary>CORE-GZ (440100) registers a customer in Nanshan, Shenzhen (440305).</summary>
    [Theory]
    [InlineData("440305", AuthorizationStatus.Approved, -10, 10, true)]
    [InlineData("440300", AuthorizationStatus.Approved, -10, 10, true)] // the city covers the district
    [InlineData("440000", AuthorizationStatus.Approved, -10, 10, true)] // so does the province
    [InlineData("440306", AuthorizationStatus.Approved, -10, 10, false)] // another district
    [InlineData("440305", AuthorizationStatus.Approved, 0, 0, true)] // valid today only: both ends inclusive
    [InlineData("440305", AuthorizationStatus.Approved, -10, -1, false)] // ended yesterday
    [InlineData("440305", AuthorizationStatus.Approved, 1, 10, false)] // starts tomorrow
    [InlineData("440305", AuthorizationStatus.Requested, -10, 10, false)]
    [InlineData("440305", AuthorizationStatus.Rejected, -10, 10, false)]
    [InlineData("440305", AuthorizationStatus.Expired, -10, 10, false)]
    [InlineData("440305", AuthorizationStatus.Revoked, -10, 10, false)]
    public void Only_an_approved_unexpired_authorization_covering_the_region_lets_an_agent_register_outside_its_territory(
        string region, AuthorizationStatus status, int fromDays, int untilDays, bool approved)
    {
        var decision = RegistrationBuilder.ForCoreGz()
            .CustomerIn("440305")
            .Authorized(region, Today.AddDays(fromDays), Today.AddDays(untilDays), status)
            .Decide();

        Assert.Equal(approved, decision.IsApproved);
        Assert.Equal(!approved, decision.Has(ReasonCode.OutOfTerritory));
    }

    [Theory]
    [InlineData(42, true)] // the named customer
    [InlineData(43, false)] // another customer on file
    [InlineData(null, false)] // a customer not yet on file
    public void An_authorization_naming_a_customer_covers_that_customer_only(int? customerOnFile, bool approved)
    {
        var registration = RegistrationBuilder.ForCoreGz().CustomerIn("440305");
        if (customerOnFile is { } id)
        {
            registration.OnFile(id);
        }

        var decision = registration.Authorized("440305", Today.AddDays(-1), Today.AddDays(30), customerId: 42).Decide();

        Assert.Equal(approved, decision.IsApproved);
    }

    [Fact]
    public void Another_agents_authorization_does_not_help()
    {
        var decision = RegistrationBuilder.ForCoreGz()
            .CustomerIn("440305")
            .Authorized("440305", Today.AddDays(-1), Today.AddDays(30), agentId: DemoAgents.CoreSz().Id)
            .Decide();

        Assert.True(decision.Has(ReasonCode.OutOfTerritory));
    }

    [Fact]
    public void One_valid_authorization_among_lapsed_ones_is_enough()
    {
        var decision = RegistrationBuilder.ForCoreGz()
            .CustomerIn("440305")
            .Authorized("440305", Today.AddDays(-60), Today.AddDays(-30))
            .Authorized("440305", Today.AddDays(-5), Today.AddDays(5), AuthorizationStatus.Revoked)
            .Authorized("440300", Today.AddDays(-5), Today.AddDays(5))
            .Decide();

        Assert.True(decision.IsApproved);
    }
}
