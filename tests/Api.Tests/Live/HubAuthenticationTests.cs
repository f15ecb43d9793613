using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>
/// A hub connection's own request (the WebSocket, not its negotiation) is authenticated apart from
/// every other request (LeanHubRequests); a client that skips negotiation meets that path first.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class HubAuthenticationTests(LiveServer api)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task A_websocket_straight_to_the_hub_without_a_valid_token_is_refused(string? token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        var url = new UriBuilder(new Uri(api.Url!, "/hubs/live")) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_member_who_skips_negotiation_is_still_who_they_are_on_the_hub()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var other = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);

        await using var typist = Direct(member.Token.AccessToken);
        await using var reader = await api.ConnectAsync(other);
        var typing = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<JsonElement>("typing", notice => typing.TrySetResult(notice));

        await typist.StartAsync();
        await typist.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await reader.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await typist.InvokeAsync("Typing", stream);

        // The name and member id come from the claims the connection kept.
        var notice = await typing.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(member.Id, notice.GetProperty("memberId").GetGuid());
        Assert.Equal(member.DisplayName, notice.GetProperty("displayName").GetString());
    }

    private HubConnection Direct(string accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Url!, "/hubs/live"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
        })
        .Build();
}
