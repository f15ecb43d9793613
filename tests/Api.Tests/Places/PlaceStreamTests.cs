using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Tests.Live;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Places;

/// <summary>
/// "place:{id}" through the hub: a new thread, event or paper tagged to a neighbourhood arrives on
/// its stream and on its borough's, as ids and titles only, numbered like every other stream.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class PlaceStreamTests(LiveServer api)
{
    [Fact]
    public async Task New_threads_events_and_papers_arrive_on_the_place_and_on_the_place_it_sits_in()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var token = $"Zs{Guid.NewGuid():N}"[..12];
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var borough = Place.Create($"Borough {token}", PlaceKind.LocalAuthority);
            var neighbourhood = Place.Create($"Estate {token}", PlaceKind.Neighbourhood);
            neighbourhood.MoveInside(borough);
            db.Places.AddRange(borough, neighbourhood);
            await db.SaveChangesAsync();
        }

        var places = (await host.Client.GetFromJsonAsync<PlaceSummary[]>($"/api/v1/places?q={token}", Json.Options))!;
        var boroughId = places.Single(p => p.ParentId is null).Id;
        var neighbourhoodId = places.Single(p => p.ParentId is not null).Id;

        var thread = await ThreadsApi.StartAsync(host.Client, more: new { placeIds = new[] { neighbourhoodId }, stage = "Connection" });
        var gathering = await EventsApi.CreateAsync(host.Client, new { placeIds = new[] { boroughId } });
        var paper = await LibraryApi.PublishAsync(host.Client, null, LibraryApi.Metadata(extra: new
        {
            externalUrl = "https://example.org/estate", placeIds = new[] { neighbourhoodId }, stages = new[] { "Mutuality" },
        }));

        await using var connection = await api.ConnectAsync(host);
        var boroughStream = await connection.InvokeAsync<LiveSubscription>("Subscribe", $"place:{boroughId}", 0L);
        var neighbourhoodStream = await connection.InvokeAsync<LiveSubscription>("Subscribe", $"place:{neighbourhoodId}", 0L);

        Assert.Equal(["thread.started", "event.published", "paper.published"], boroughStream.Events.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], boroughStream.Events.Select(e => e.Seq));
        Assert.Equal([thread.Id, gathering.Id, paper.Id], boroughStream.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.Equal(paper.Title, boroughStream.Events[2].Data.GetProperty("title").GetString());
        Assert.Equal(["thread.started", "paper.published"], neighbourhoodStream.Events.Select(e => e.Kind));
        Assert.All(boroughStream.Events, e => Assert.Equal(["id", "title", "stages"], e.Data.EnumerateObject().Select(p => p.Name)));

        var page = (await host.Client.GetFromJsonAsync<PlaceDetail>($"/api/v1/places/{places.Single(p => p.Id == boroughId).Slug}", Json.Options))!;
        Assert.Equal(3, page.LastSeq);
    }

    [Fact]
    public async Task An_unknown_place_stream_is_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        await using var connection = await api.ConnectAsync(member);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", $"place:{Guid.NewGuid()}", 0L));
    }
}
