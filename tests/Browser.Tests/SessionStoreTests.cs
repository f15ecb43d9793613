extern alias web;

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServerSideSessions = web::CommunityOfPractice.Web.Infrastructure.ServerSideSessions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>Two Web instances behind one balancer share session records through Redis.</summary>
public sealed class SessionStoreTests
{
    [SkippableFact]
    public async Task A_session_stored_by_one_web_instance_is_found_by_another_and_a_sign_out_on_either_ends_it()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so shared Web sessions were not tested. `./cop test` installs Debian's redis-server package.");
        using var redis = await RedisServer.StartAsync(executable!, TimeSpan.FromSeconds(20));
        var keys = Directory.CreateTempSubdirectory("cop-web-keys-");
        await using var first = Instance(redis.Configuration, keys.FullName);
        await using var second = Instance(redis.Configuration, keys.FullName);
        var atFirst = first.Services.GetRequiredService<ServerSideSessions>();
        var atSecond = second.Services.GetRequiredService<ServerSideSessions>();

        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())], "test")), new AuthenticationProperties(), "Cookies");
        var key = await atFirst.StoreAsync(ticket);

        var found = await atSecond.RetrieveAsync(key);
        Assert.Equal(ticket.Principal.FindFirstValue("sub"), found?.Principal.FindFirstValue("sub"));

        await atSecond.RemoveAsync(key);
        Assert.Null(await atFirst.RetrieveAsync(key));
    }

    private static WebApplicationFactory<web::Program> Instance(string redis, string keysPath) =>
        new WebApplicationFactory<web::Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Api:BaseUrl", "http://127.0.0.1:9")
            .UseSetting("Redis:Configuration", redis)
            .UseSetting("DataProtection:KeysPath", keysPath)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
}
