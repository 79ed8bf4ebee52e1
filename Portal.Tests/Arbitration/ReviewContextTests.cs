using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Authorizations;
using Portal.Features.Deals;
using Portal.Features.Review;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Arbitration;

/// <summary>Review with context (DESIGN.md §9): what the manager reads next to a queued registration or cross-region request.</summary>
public sealed class ReviewContextTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private ReviewContextQueries Context => Service<ReviewContextQueries>();

    [Fact]
    public async Task A_held_possible_duplicate_shows_why_and_the_customer_it_resembles_with_its_holder_to_the_manager_only()
    {
        var registrations = Service<DealRegistrationService>();
        var existing = DealInputs.NewUscc("440106", 7780);
        await registrations.RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(existing, "广州复核上下文测试有限公司", "440106"));
        var held = (await registrations.RegisterAsync(await UserAsync(Gz), DealInputs.Registration(DealInputs.NewUscc("440106", 7781), "广州复核上下文测试有限责任公司", "440106"))).Value!;
        Assert.Equal(DealStatus.PendingReview, held.Status);

        var context = (await Context.HeldDealsAsync(await UserAsync(Manager), [held.Id]))[held.Id];

        Assert.Contains(ReasonCode.PossibleDuplicate, context.Reasons.Select(r => r.Code));
        var like = Assert.Single(context.Resembling);
        Assert.Equal((existing, "广州复核上下文测试有限公司", "440106", "T1-TIANHE"), (like.Uscc, like.LegalName, like.Region.Code, like.HolderCode));
        Assert.NotNull(like.ProtectedUntil);
        var reseller = await UserAsync(Gz);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Context.HeldDealsAsync(reseller, [held.Id]));
    }

    [Fact]
    public async Task A_cross_region_request_shows_the_agents_territory_and_its_most_recent_other_requests_with_their_total()
    {
        var authorizations = Service<CrossRegionAuthorizationService>();
        var gz = await UserAsync(Gz);
        var manager = await UserAsync(Manager);
        var earlier = new List<int>();
        foreach (var region in new[] { "440300", "440400", "440600", "441900" })
        {
            var id = (await authorizations.RequestAsync(gz, Request(region))).Value!.Id;
            await authorizations.RejectAsync(manager, id, "不予授权。");
            earlier.Add(id);
        }

        var pending = (await authorizations.RequestAsync(gz, Request("442000"))).Value!.Id;

        var context = (await Context.AuthorizationRequestsAsync(manager, [pending]))[pending];

        Assert.Equal(["440100"], context.Territory.Select(t => t.Code));
        Assert.Equal(4, context.PastCount);
        Assert.Equal(ReviewContextQueries.PastShown, context.Past.Count);
        Assert.All(context.Past, p => Assert.Equal(AuthorizationStatus.Rejected, p.Status));
        Assert.DoesNotContain(pending, context.Past.Select(p => p.Id));
    }

    private static AuthorizationRequestInput Request(string region) => new()
    {
        RegionCode = region,
        ValidFrom = TestTime.Today,
        ValidUntil = TestTime.Today.AddDays(30),
        Reason = "展会项目",
    };
}
