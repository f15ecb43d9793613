using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>A change of access reaches open live connections within seconds, not when their token expires.</summary>
[Collection(LiveCollection.Name)]
public sealed class AccessRecheckTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_co_host_taken_off_the_event_stops_hearing_its_moderation_stream()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var coHost = await Community.JoinAsync(api.CreateClient, "Co-host");
        var webinar = await EventsApi.CreateAsync(host.Client, new { coHostIds = new[] { coHost.Id } });
        await QaApi.OpenAsync(host.Client, webinar.Id, requireApproval: true);
        var moderation = QaApi.ModerationStreamOf(webinar.Id);

        await using var connection = await api.ConnectAsync(coHost);
        var revoked = Signal<JsonElement>(connection, "revoked");
        await connection.InvokeAsync<LiveSubscription>("Subscribe", moderation, 0L);

        using var edit = await host.Client.PutAsJsonAsync($"/api/v1/events/{webinar.Id}", EventsApi.Draft(new { title = webinar.Title, coHostIds = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var notice = await revoked.Task.WaitAsync(_timeout);
        Assert.Equal(moderation, notice.GetProperty("stream").GetString());
        // Subscribing again is refused too: the connection reads with the roles it has now.
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", moderation, 0L));
    }

    [Fact]
    public async Task A_demoted_moderator_stops_hearing_moderation_and_keeps_what_members_read()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var webinar = await EventsApi.CreateAsync(host.Client);
        await QaApi.OpenAsync(host.Client, webinar.Id, requireApproval: true);

        await using var connection = await api.ConnectAsync(moderator);
        var revoked = Signal<JsonElement>(connection, "revoked");
        await connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.ModerationStreamOf(webinar.Id), 0L);
        await connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(webinar.Id), 0L);

        using var demote = await admin.DeleteAsync($"/api/v1/admin/people/{moderator.Id}/roles/moderator");
        Assert.Equal(HttpStatusCode.NoContent, demote.StatusCode);

        var notice = await revoked.Task.WaitAsync(_timeout);
        Assert.Equal(QaApi.ModerationStreamOf(webinar.Id), notice.GetProperty("stream").GetString());
        // The public Q&A stream is still theirs: subscribing to it again answers.
        var again = await connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(webinar.Id), 0L);
        Assert.Equal(QaApi.StreamOf(webinar.Id), again.Stream);
    }

    [Fact]
    public async Task Suspending_a_member_closes_their_open_connections_and_they_cannot_connect_again()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        using var admin = await Community.AdminAsync(api.CreateClient);

        // No automatic reconnect: the test watches the server close it.
        await using var connection = Unreconnecting(member);
        var closed = Closed(connection);
        await connection.StartAsync();
        await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);

        using var suspend = await admin.PostAsJsonAsync($"/api/v1/admin/people/{member.Id}/suspension", new { reason = "Spam" });
        Assert.Equal(HttpStatusCode.NoContent, suspend.StatusCode);

        await closed.WaitAsync(_timeout);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
    }

    [Fact]
    public async Task Signing_out_closes_the_live_connections_opened_with_that_session_and_no_others()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var otherDevice = member with { Token = await Tokens.PasswordGrantAsync(api.CreateClient(), member.Email, member.Password) };
        await using var signingOut = Unreconnecting(member);
        await using var staying = Unreconnecting(otherDevice);
        var closed = Closed(signingOut);
        var otherClosed = Closed(staying);
        await signingOut.StartAsync();
        await staying.StartAsync();
        await signingOut.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        await staying.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);

        using var signOut = await member.Client.DeleteAsync("/api/v1/me/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        await closed.WaitAsync(_timeout);
        // The other device's connection still reads: a new reply reaches it.
        var heard = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        staying.OnEachEvent(e => heard.TrySetResult(e));
        var other = otherDevice.Client;
        other.Authorize(otherDevice.Token.AccessToken);
        await ThreadsApi.ReplyAsync(other, thread.Id, "Still here on the other device");
        await heard.Task.WaitAsync(_timeout);
        Assert.False(otherClosed.IsCompleted);
    }

    private HubConnection Unreconnecting(TestMember member) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.Url!, LiveClient.HubPath), HttpTransportType.WebSockets,
                options => options.AccessTokenProvider = () => Task.FromResult<string?>(member.Token.AccessToken))
            .Build();

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static TaskCompletionSource<T> Signal<T>(HubConnection connection, string method)
    {
        var signal = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<T>(method, value => signal.TrySetResult(value));
        return signal;
    }
}
