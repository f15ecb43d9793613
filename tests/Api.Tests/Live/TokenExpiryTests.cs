namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>An Api whose access tokens last four seconds.</summary>
public sealed class ShortTokenServer : ApiFactory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    public ShortTokenServer()
    {
        ListenOnFreePort();
        WithSetting("Oidc:AccessTokenLifetime", Lifetime.ToString());
    }
}

[Collection(LiveCollection.Name)]
public sealed class TokenExpiryTests(ShortTokenServer api) : IClassFixture<ShortTokenServer>
{
    [Fact]
    public async Task The_hub_closes_a_connection_when_its_token_expires_and_the_client_resumes_with_a_fresh_one()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");

        // Tokens here last four seconds: a slow machine can spend that on joining two members.
        async Task FreshenAuthorAsync() =>
            author.Client.Authorize((await Tokens.PasswordGrantAsync(api.CreateClient(), author.Email, author.Password)).AccessToken);
        await FreshenAuthorAsync();
        var thread = await ThreadsApi.StartAsync(author.Client);
        var tokensAsked = 0;
        async Task<string?> FreshTokenAsync()
        {
            Interlocked.Increment(ref tokensAsked);
            return (await Tokens.PasswordGrantAsync(api.CreateClient(), reader.Email, reader.Password)).AccessToken;
        }

        await using var client = new LiveClient(api.Url!, ThreadsApi.StreamOf(thread.Id), thread.LastSeq, FreshTokenAsync,
            async _ => (await ThreadsApi.GetAsync(reader.Client, thread.Id)).LastSeq);
        var cutOff = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Reconnecting += _ => Task.FromResult(cutOff.TrySetResult());
        client.Connection.Closed += _ => Task.FromResult(cutOff.TrySetResult());
        await client.StartAsync();

        await cutOff.Task.WaitAsync(ShortTokenServer.Lifetime * 4);
        await FreshenAuthorAsync();
        var reply = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Posted around the expiry");
        await client.WaitForSeqAsync(thread.LastSeq + 1, TimeSpan.FromSeconds(20));

        Assert.Equal(reply.Id, Assert.Single(client.Events).Data.GetProperty("id").GetGuid());
        Assert.True(tokensAsked >= 2, $"the client asked for a token {tokensAsked} time(s): {client}");
        Assert.True(client.Reconnects >= 1, client.ToString());
    }
}
