using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// The bare SignalR broadcast the Api is compared with: Kestrel, JSON protocol, WebSockets, one hub
/// method that numbers a message and sends it to every connection. No database, no authentication,
/// no groups, no presence. Started by the bench as its own process (`LiveBench baseline-server`),
/// with server GC like the Api, so that both servers are measured the same way.
/// </summary>
public static class BaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/health/ready", () => Results.Ok("ready"));
        app.MapHub<BroadcastHub>(BaselineTarget.HubPath);
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The event the bare hub sends: the same envelope as the Api's (docs/live-protocol.md).</summary>
public sealed record BareEvent(string Stream, long Seq, string Kind, JsonElement Data);

public sealed class BroadcastHub : Hub
{
    private static long _seq;

    public long LastSeq() => Interlocked.Read(ref _seq);

    public async Task<long> Broadcast(string stream, JsonElement data)
    {
        var seq = Interlocked.Increment(ref _seq);
        await Clients.All.SendAsync("event", new BareEvent(stream, seq, "post.added", data));
        return seq;
    }
}
