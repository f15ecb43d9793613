using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Portfolio;

/// <summary>
/// The portfolio through HTTP: each followed place's distribution and each organisation's
/// movement, built only from what the caller may read. No point of an assessment the caller may
/// not read ever reaches them, nor the stage it moved from, nor an organisation known only by one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GetPortfolioTests(ApiFactory api)
{
    [Fact]
    public async Task A_named_funder_sees_the_move_to_mutuality_that_another_funder_and_the_community_do_not()
    {
        var world = await WorldAsync();
        var named = world.Funder.Admin;
        var other = world.OtherFunder.Admin;
        var plain = await Community.JoinAsync(api.CreateClient, "Plain Member", "funder", "admin");
        foreach (var reader in new[] { named, other, plain })
        {
            await PortfolioApi.FollowAsync(reader.Client, FollowTarget.Place, world.Place.Id);
        }

        var seen = await PortfolioApi.GetAsync(named.Client);

        var place = Assert.Single(seen.Places);
        Assert.Equal(world.Place.Id, place.Id);
        Assert.Equal(FrameworkStage.Mutuality, place.Organisations.Single(o => o.Id == world.Charity.Id).CurrentStage);
        Assert.Equal([0, 0, 0, 1, 0], place.Distribution.Select(d => d.Organisations));
        var journey = Assert.Single(Assert.Single(seen.Organisations).Journeys);
        Assert.Equal(world.Place.Id, journey.Place.Id);
        Assert.Equal(
            [(new DateOnly(2024, 1, 1), FrameworkStage.Connection, (FrameworkStage?)null), (new DateOnly(2024, 6, 1), FrameworkStage.Mutuality, FrameworkStage.Connection)],
            journey.Points.Select(p => (p.AssessedOn, p.Stage, p.MovedFrom)));

        // Neither the other funder nor a site admin with the funder role reads the named funders' entry or the private one.
        foreach (var reader in new[] { other, plain })
        {
            var theirs = await PortfolioApi.GetAsync(reader.Client);
            Assert.Equal([0, 0, 1, 0, 0], Assert.Single(theirs.Places).Distribution.Select(d => d.Organisations));
            var points = Assert.Single(Assert.Single(theirs.Organisations).Journeys).Points;
            Assert.Equal([(new DateOnly(2024, 1, 1), FrameworkStage.Connection)], points.Select(p => (p.AssessedOn, p.Stage)));
        }
    }

    [Fact]
    public async Task The_organisations_own_members_see_their_private_entries_and_no_one_else_learns_of_them()
    {
        var world = await WorldAsync();
        var colleague = await Community.JoinAsync(api.CreateClient, "Colleague");
        await OrganisationsApi.JoinAsync(world.Charity.Admin.Client, colleague, world.Charity.Id);
        var outsider = world.Funder.Admin;
        await PortfolioApi.FollowAsync(colleague.Client, FollowTarget.Organisation, world.Charity.Id);
        await PortfolioApi.FollowAsync(outsider.Client, FollowTarget.Place, world.Place.Id);

        var own = Assert.Single((await PortfolioApi.GetAsync(colleague.Client)).Organisations);

        Assert.True(own.IsFollowed);
        Assert.Equal([FrameworkStage.Connection, FrameworkStage.Mutuality, FrameworkStage.Systemic], Assert.Single(own.Journeys).Points.Select(p => p.Stage));

        // The secretive organisation shared only privately: the funder sees it works there (its profile says so), at no stage, with no movement.
        var theirs = await PortfolioApi.GetAsync(outsider.Client);
        Assert.Null(Assert.Single(theirs.Places).Organisations.Single(o => o.Id == world.Secretive).CurrentStage);
        Assert.DoesNotContain(theirs.Organisations, o => o.Id == world.Secretive);
        Assert.DoesNotContain(theirs.Organisations.SelectMany(o => o.Journeys).SelectMany(j => j.Points), p => p.Stage == FrameworkStage.Systemic);
    }

    [Fact]
    public async Task A_correction_the_reader_may_not_see_hides_the_point_it_corrects_too()
    {
        var world = await WorldAsync();
        var reader = world.OtherFunder.Admin;
        await RecordAsync(world.Charity, world.Place.Id, FrameworkStage.Established, new DateOnly(2023, 1, 1));
        var shared = await RecordAsync(world.Charity, world.Place.Id, FrameworkStage.Intention, new DateOnly(2023, 6, 1));
        await RecordAsync(world.Charity, world.Place.Id, FrameworkStage.Established, new DateOnly(2023, 6, 1), AssessmentVisibility.Private, correctsId: shared.Id);
        await PortfolioApi.FollowAsync(reader.Client, FollowTarget.Place, world.Place.Id);

        var points = Assert.Single(Assert.Single((await PortfolioApi.GetAsync(reader.Client)).Organisations).Journeys).Points;

        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1)], points.Select(p => p.AssessedOn));
        Assert.DoesNotContain(points, p => p.Stage == FrameworkStage.Intention);
    }

    [Fact]
    public async Task A_followed_borough_includes_its_neighbourhoods_and_a_followed_organisation_shows_every_place()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Reader");
        var token = Guid.NewGuid().ToString("N")[..8];
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var borough = Place.Create($"Borough {token}", PlaceKind.LocalAuthority);
        var neighbourhood = Place.Create($"Ward {token}", PlaceKind.Neighbourhood);
        var elsewhere = Place.Create($"Elsewhere {token}", PlaceKind.LocalAuthority);
        neighbourhood.MoveInside(borough);
        db.Places.AddRange(borough, neighbourhood, elsewhere);
        await db.SaveChangesAsync();
        var inWard = await CharityAsync([neighbourhood.Id, elsewhere.Id]);
        await RecordAsync(inWard, neighbourhood.Id, FrameworkStage.Connection, new DateOnly(2024, 2, 1));
        await RecordAsync(inWard, elsewhere.Id, FrameworkStage.Established, new DateOnly(2024, 3, 1));
        var followedOnly = await CharityAsync([elsewhere.Id]);
        await RecordAsync(followedOnly, elsewhere.Id, FrameworkStage.Intention, new DateOnly(2024, 4, 1));
        await PortfolioApi.FollowAsync(member.Client, FollowTarget.Place, borough.Id);
        await PortfolioApi.FollowAsync(member.Client, FollowTarget.Organisation, followedOnly.Id);

        var portfolio = await PortfolioApi.GetAsync(member.Client);

        var place = Assert.Single(portfolio.Places);
        Assert.Equal(borough.Id, place.Id);
        Assert.Equal(FrameworkStage.Connection, Assert.Single(place.Organisations).CurrentStage);
        var ward = portfolio.Organisations.Single(o => o.Id == inWard.Id);
        Assert.False(ward.IsFollowed);
        Assert.Equal([neighbourhood.Id], ward.Journeys.Select(j => j.Place.Id)); // only the followed place's, not elsewhere
        var followed = portfolio.Organisations.Single(o => o.Id == followedOnly.Id);
        Assert.True(followed.IsFollowed);
        Assert.Equal([elsewhere.Id], followed.Journeys.Select(j => j.Place.Id));
    }

    [Fact]
    public async Task Following_nothing_gives_an_empty_portfolio()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Newcomer");

        var portfolio = await PortfolioApi.GetAsync(member.Client);

        Assert.Empty(portfolio.Places);
        Assert.Empty(portfolio.Organisations);
    }

    /// <summary>
    /// A place of its own, two funders (each reader is a funder organisation's admin, so a member of it), with one charity that moved Connection (community, 2024-01-01) →
    /// Mutuality (named funder only, 2024-06-01) → Systemic (private, 2025-01-01), and an
    /// organisation that only ever shared privately there.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var place = await PortfolioApi.AddPlaceAsync(admin);
        var funder = await CharityAsync([], OrganisationKind.Funder);
        var otherFunder = await CharityAsync([], OrganisationKind.Funder);
        var charity = await CharityAsync([place.Id]);
        await RecordAsync(charity, place.Id, FrameworkStage.Connection, new DateOnly(2024, 1, 1));
        await RecordAsync(charity, place.Id, FrameworkStage.Mutuality, new DateOnly(2024, 6, 1), AssessmentVisibility.Funders, [funder.Id]);
        await RecordAsync(charity, place.Id, FrameworkStage.Systemic, new DateOnly(2025, 1, 1), AssessmentVisibility.Private);
        var secretive = await CharityAsync([place.Id]);
        await RecordAsync(secretive, place.Id, FrameworkStage.Systemic, new DateOnly(2025, 2, 1), AssessmentVisibility.Private);
        return new World(place, charity, funder, otherFunder, secretive.Id);
    }

    private async Task<Organisation> CharityAsync(IReadOnlyList<Guid> placeIds, OrganisationKind kind = OrganisationKind.Charity)
    {
        var admin = await Community.JoinAsync(api.CreateClient, "Org Admin");
        var organisation = await OrganisationsApi.ProposeAsync(admin.Client, OrganisationsApi.Profile(kind: kind, placeIds: placeIds));
        return new Organisation(admin, organisation.Id);
    }

    private static Task<AssessmentView> RecordAsync(
        Organisation organisation, Guid placeId, FrameworkStage stage, DateOnly on,
        AssessmentVisibility visibility = AssessmentVisibility.Community, IReadOnlyList<Guid>? funderIds = null, Guid? correctsId = null) =>
        OrganisationsApi.RecordAsync(organisation.Admin.Client, organisation.Id,
            OrganisationsApi.Assessment(placeId, organisation.Admin.Id, stage, on, visibility, funderIds, correctsId: correctsId));

    private sealed record Organisation(TestMember Admin, Guid Id);

    private sealed record World(PlaceView Place, Organisation Charity, Organisation Funder, Organisation OtherFunder, Guid Secretive);
}
