using Npgsql;

namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>PostgreSQL gone for longer than the retries: a clear 503 to try again, never a 500, nothing half-written.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task An_outage_past_the_retries_answers_503_with_Retry_After_and_what_was_asked_is_not_half_done()
    {
        // A database of its own, reached through a connection the test can cut.
        await using var owner = new ApiFactory();
        await owner.InitializeAsync();
        var direct = new NpgsqlConnectionStringBuilder(owner.ConnectionString);
        using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        await using var api = new ApiFactory().UseDatabase(throughProxy.ConnectionString)
            .WithSetting("Database:MaxRetryCount", "2").WithSetting("Database:MaxRetryDelay", "00:00:00.100");
        await api.InitializeAsync();
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        proxy.Cut();
        using var reply = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, "Written while the database is away");
        using var read = await member.Client.GetAsync($"/api/v1/threads/{thread.Id}");
        using var ready = await api.CreateClient().GetAsync("/health/ready");

        foreach (var response in (HttpResponseMessage[])[reply, read])
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        // Back: the reply that was refused is not there, and the next one goes through.
        proxy.Restore();
        Assert.Single((await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Written when it is back");
        Assert.Equal(2, (await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items.Count);
    }
}
