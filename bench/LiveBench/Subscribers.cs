using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.LiveBench;

/// <summary>An event as the hub sends it (docs/live-protocol.md); only what the bench reads.</summary>
public sealed record EventMessage(string Stream, long Seq, string Kind, EventData? Data);

public sealed record EventData(string? Html);

public sealed record PresenceMessage(string Stream, int Count);

/// <summary>
/// A growing set of real SignalR clients over WebSockets, each subscribed to one stream. Grows in
/// batches of concurrent connects; each client hands what it receives to the current recorder.
/// </summary>
public sealed class SubscriberPool(Func<int, HubConnection> build, Func<HubConnection, Task> afterConnect, int batch) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private Recorder? _recorder;
    private long _presenceMessages;
    private long _resets;
    private int _closed;

    // The highest number each client has, so that a reset client resumes where it was.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> _last = new();

    public int Count => _connections.Count;

    /// <summary>"presence" messages received by all clients (the Api sends one to every reader on each join and leave).</summary>
    public long PresenceMessages => Interlocked.Read(ref _presenceMessages);

    /// <summary>"reset" messages received: connections the Api found too slow for their queue (docs/live-protocol.md).</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>Connections that closed (server timeout, error) since the start.</summary>
    public int Closed => Volatile.Read(ref _closed);

    public void Record(Recorder? recorder) => Volatile.Write(ref _recorder, recorder);

    /// <summary>Adds connections until there are <paramref name="target"/>; returns the time it took.</summary>
    public async Task<TimeSpan> GrowToAsync(int target, Action<int>? progress = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (_connections.Count < target)
        {
            var from = _connections.Count;
            var count = Math.Min(batch, target - from);
            var connections = Enumerable.Range(from, count).Select(Connect).ToArray();
            await Task.WhenAll(connections.Select(async c =>
            {
                await c.StartAsync();
                await afterConnect(c);
            }));
            _connections.AddRange(connections);
            progress?.Invoke(_connections.Count);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        _recorder = null;
        foreach (var chunk in _connections.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(async c =>
            {
                try
                {
                    await c.DisposeAsync();
                }
                catch (Exception)
                {
                    // The server may already be gone.
                }
            }));
        }

        _connections.Clear();
    }

    private HubConnection Connect(int index)
    {
        var connection = build(index);
        connection.On<EventMessage>("event", message =>
        {
            var now = Stopwatch.GetTimestamp();
            Seen(index, message.Seq);
            Volatile.Read(ref _recorder)?.Record(index, message.Seq, message.Data?.Html, now);
        });
        // A busy stream's events, several to a message and in order: each is recorded as if alone.
        connection.On<EventMessage[]>("events", messages =>
        {
            var now = Stopwatch.GetTimestamp();
            var recorder = Volatile.Read(ref _recorder);
            foreach (var message in messages)
            {
                Seen(index, message.Seq);
                recorder?.Record(index, message.Seq, message.Data?.Html, now);
            }
        });
        connection.On<PresenceMessage>("presence", _ => Interlocked.Increment(ref _presenceMessages));
        connection.On<JsonElement>("typing", _ => { });
        // Too slow for the Api's queue: it stopped sending the stream. As docs/live-protocol.md says,
        // the client subscribes again from its last number; what the store hands back is recorded
        // when it arrives, so the latency of a reset reader shows in the figures.
        connection.On<JsonElement>("reset", async message =>
        {
            Interlocked.Increment(ref _resets);
            var stream = message.GetProperty("stream").GetString();
            try
            {
                var result = await connection.InvokeAsync<JsonElement>("Subscribe", stream, _last.GetValueOrDefault(index));
                var now = Stopwatch.GetTimestamp();
                var recorder = Volatile.Read(ref _recorder);
                foreach (var caught in result.GetProperty("events").EnumerateArray())
                {
                    var seq = caught.GetProperty("seq").GetInt64();
                    Seen(index, seq);
                    var html = caught.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                        && data.TryGetProperty("html", out var h) ? h.GetString() : null;
                    recorder?.Record(index, seq, html, now);
                }
            }
            catch (Exception)
            {
                // Closed meanwhile: counted in Closed.
            }
        });
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
        return connection;
    }

    private void Seen(int index, long seq) => _last.AddOrUpdate(index, seq, (_, last) => Math.Max(last, seq));

    /// <summary>A client as the bench uses it: WebSockets only, no negotiate round trip, a longer server timeout.</summary>
    public static HubConnection Build(Uri hub, Func<string?>? token, BenchProtocol protocol = BenchProtocol.Json)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult(token());
                }
            })
            .WithServerTimeout(TimeSpan.FromSeconds(60));
        if (protocol == BenchProtocol.MessagePack)
        {
            // The Api's MessagePack carries the JSON's shape (ADR 0015): the same records read both.
            builder.AddMessagePackProtocol(options => options.SerializerOptions = LiveMessagePack.Options(ApiJson.Options));
        }

        return builder.Build();
    }
}
