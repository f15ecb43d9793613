using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Portfolio;

/// <summary>Following places and organisations through HTTP: once per member and target, members only, known targets only.</summary>
[Collection(ApiCollection.Name)]
public sealed class FollowTests(ApiFactory api)
{
    [Theory]
    [InlineData(FollowTarget.Place)]
    [InlineData(FollowTarget.Organisation)]
    public async Task Following_twice_keeps_one_follow_and_unfollowing_twice_is_harmless(FollowTarget kind)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Follower");
        var id = await TargetAsync(member, kind);

        await PortfolioApi.FollowAsync(member.Client, kind, id);
        await PortfolioApi.FollowAsync(member.Client, kind, id);

        var follows = await PortfolioApi.FollowsAsync(member.Client);
        var followed = Assert.Single(kind == FollowTarget.Place ? follows.Places : follows.Organisations);
        Assert.Equal(id, followed.Id);
        Assert.Equal(kind, followed.Kind);
        Assert.Empty(kind == FollowTarget.Place ? follows.Organisations : follows.Places);
        Assert.Equal(1, await RowsAsync(member.Id));

        await PortfolioApi.UnfollowAsync(member.Client, kind, id);
        await PortfolioApi.UnfollowAsync(member.Client, kind, id);

        var after = await PortfolioApi.FollowsAsync(member.Client);
        Assert.Empty(after.Places);
        Assert.Empty(after.Organisations);
        Assert.Equal(0, await RowsAsync(member.Id));
    }

    [Fact]
    public async Task Following_at_the_same_moment_from_two_requests_keeps_one_follow()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Follower");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var place = await PortfolioApi.AddPlaceAsync(admin);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PortfolioApi.FollowAsync(member.Client, FollowTarget.Place, place.Id)));

        Assert.Equal(1, await RowsAsync(member.Id));
    }

    [Theory]
    [InlineData("PUT", "places")]
    [InlineData("DELETE", "places")]
    [InlineData("PUT", "organisations")]
    [InlineData("DELETE", "organisations")]
    public async Task An_unknown_place_or_organisation_is_not_found(string method, string what)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Follower");

        using var response = await member.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/{what}/{Guid.NewGuid()}/follow"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_place_waiting_for_approval_cannot_be_followed()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Follower");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposed = Place.Propose($"Proposed {Guid.NewGuid():N}"[..20], PlaceKind.Neighbourhood, parentId: null, member.Id);
        db.Places.Add(proposed);
        await db.SaveChangesAsync();

        using var response = await member.Client.PutAsync(PortfolioApi.FollowPath(FollowTarget.Place, proposed.Id), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/places/{0}/follow")]
    [InlineData("DELETE", "/api/v1/places/{0}/follow")]
    [InlineData("PUT", "/api/v1/organisations/{0}/follow")]
    [InlineData("DELETE", "/api/v1/organisations/{0}/follow")]
    [InlineData("GET", "/api/v1/me/follows")]
    [InlineData("GET", "/api/v1/portfolio")]
    public async Task A_visitor_is_asked_to_sign_in(string method, string path)
    {
        using var response = await api.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<Guid> TargetAsync(TestMember member, FollowTarget kind)
    {
        if (kind == FollowTarget.Organisation)
        {
            return (await OrganisationsApi.ProposeAsync(member.Client)).Id;
        }

        using var admin = await Community.AdminAsync(api.CreateClient);
        return (await PortfolioApi.AddPlaceAsync(admin)).Id;
    }

    private async Task<int> RowsAsync(Guid memberId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Follows.CountAsync(f => f.MemberId == memberId);
    }
}
