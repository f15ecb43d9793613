using CommunityOfPractice.Api.Data;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityOfPractice.Api.Tests.Platform;

[Collection(ApiCollection.Name)]
public sealed class PlatformTests(ApiFactory api)
{
    [Fact]
    public async Task Readiness_checks_postgresql()
    {
        var body = await api.CreateClient().GetStringAsync("/health/ready");

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/account/register", paths);
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/admin/people", paths);
    }

    [Fact]
    public async Task The_stages_are_the_five_of_the_framework_in_order()
    {
        var stages = await api.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/v1/stages");

        Assert.Equal(["Intention", "Established", "Connection", "Mutuality", "Systemic"],
            stages!.Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task The_live_hub_refuses_strangers_and_accepts_members()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        var stranger = Connect(accessToken: null);
        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);

        await using var connection = Connect(member.Token.AccessToken);
        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Starting_again_seeds_nothing_twice()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = (await db.Places.CountAsync(), await db.Roles.CountAsync(), await db.Users.CountAsync());

        var initializer = api.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.StartAsync(CancellationToken.None);

        var after = (await db.Places.CountAsync(), await db.Roles.CountAsync(), await db.Users.CountAsync());
        Assert.Equal(before, after);
    }

    private HubConnection Connect(string? accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/live"), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            options.AccessTokenProvider = () => Task.FromResult(accessToken);
        })
        .Build();
}
