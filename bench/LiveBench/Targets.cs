using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.LiveBench;

/// <summary>A server under test: where subscribers connect, how a writer sends, what the last number is.</summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    ChildApp Server { get; }

    SubscriberPool Subscribers { get; }

    Task<long> LastSeqAsync();

    /// <summary>Sends one message stamped with <paramref name="stamp"/>; true when the server accepted it.</summary>
    Task<bool> SendAsync(int writer, long stamp, int number);
}

/// <summary>
/// The real Api: writers POST replies to one thread (HTTP, token, idempotency key, database
/// transaction, post-commit send); subscribers are members' hub connections to /hubs/live that
/// called Subscribe("thread:{id}", lastSeq).
/// </summary>
public sealed class ApiTarget : ITarget
{
    /// <summary>About the length of a short reply in a discussion; the event carries it as HTML with the post's metadata.</summary>
    public const string Filler =
        "Thanks for sharing this. In Southwark we found the same: the conversations that moved things on "
        + "were the ones where residents, the council and the local charities sat at one table and agreed "
        + "what to try next, rather than who would fund it.";

    private readonly IReadOnlyList<BenchMember> _members;
    private readonly int _writers;

    public ApiTarget(ChildApp server, IReadOnlyList<BenchMember> members, int writers, Guid threadId, int connectBatch,
        BenchProtocol protocol = BenchProtocol.Json)
    {
        Protocol = protocol;
        Server = server;
        _members = members;
        _writers = writers;
        ThreadId = threadId;
        Stream = $"thread:{threadId}";
        var hub = new Uri(server.BaseUrl, "/hubs/live");
        Subscribers = new SubscriberPool(
            index => SubscriberPool.Build(hub, () => members[index % members.Count].AccessToken, protocol),
            async connection => await connection.InvokeAsync<JsonElement>("Subscribe", Stream, CurrentAfterSeq),
            connectBatch);
    }

    public string Name => NameOf(Protocol);

    public BenchProtocol Protocol { get; }

    /// <summary>The Api's row name per protocol: "Api" (JSON) or "Api msgpack".</summary>
    public static string NameOf(BenchProtocol protocol) => protocol == BenchProtocol.Json ? "Api" : "Api msgpack";

    /// <summary>Closes this protocol's subscribers and leaves the Api running for the next.</summary>
    public ValueTask DisposeSubscribersAsync() => Subscribers.DisposeAsync();

    public ChildApp Server { get; }

    public SubscriberPool Subscribers { get; }

    public Guid ThreadId { get; }

    public string Stream { get; }

    /// <summary>The number new subscribers subscribe after (the thread's last number when the scenario set it).</summary>
    public long CurrentAfterSeq { get; set; }

    public static string Body(long stamp, int writer, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"Reply {number} from writer {writer}: {Stamp.Format(stamp, writer)}. {Filler}");

    public async Task<long> LastSeqAsync()
    {
        var lastSeq = (await ApiClient.GetThreadAsync(_members[0], ThreadId)).LastSeq;
        CurrentAfterSeq = lastSeq;
        return lastSeq;
    }

    public Task<bool> SendAsync(int writer, long stamp, int number) =>
        ApiClient.PostReplyAsync(_members[writer % _writers], ThreadId, Body(stamp, writer, number));

    /// <summary>
    /// One real event of the stream as the hub sends it: subscribe from one before the end and take
    /// the catch-up. Its size and shape are what the bare baseline broadcasts.
    /// </summary>
    public async Task<string> SampleEventJsonAsync()
    {
        var lastSeq = await LastSeqAsync();
        await using var probe = SubscriberPool.Build(new Uri(Server.BaseUrl, "/hubs/live"), () => _members[0].AccessToken);
        await probe.StartAsync();
        var result = await probe.InvokeAsync<JsonElement>("Subscribe", Stream, lastSeq - 1);
        var events = result.GetProperty("events");
        if (events.GetArrayLength() != 1)
        {
            throw new InvalidOperationException($"Subscribe({Stream}, {lastSeq - 1}) returned {events.GetArrayLength()} events, expected 1: {result}");
        }

        return events[0].GetRawText();
    }

    public ValueTask DisposeAsync()
    {
        // Stop the server first: closing thousands of connections one by one would make it send
        // "presence" to every remaining reader each time.
        Server.Dispose();
        return Subscribers.DisposeAsync();
    }
}

/// <summary>
/// The bare framework: a hub method that numbers a message and sends it to all connections, no
/// database, no authentication, same JSON payload as the Api's event (LiveBench baseline-server).
/// </summary>
public sealed partial class BaselineTarget : ITarget
{
    public const string HubPath = "/hubs/bare";

    private readonly JsonObject _template;
    private readonly string _templateHtml;
    private readonly string _stream;
    private readonly HubConnection[] _writers;

    private BaselineTarget(ChildApp server, string sampleEventJson, HubConnection[] writers, int connectBatch)
    {
        Server = server;
        var sample = JsonNode.Parse(sampleEventJson)!.AsObject();
        _stream = (string)sample["stream"]!;
        _template = sample["data"]!.AsObject();
        _templateHtml = (string?)_template["html"] ?? string.Empty;
        _writers = writers;
        var hub = new Uri(server.BaseUrl, HubPath);
        Subscribers = new SubscriberPool(_ => SubscriberPool.Build(hub, token: null), _ => Task.CompletedTask, connectBatch);
    }

    public string Name => "bare";

    public ChildApp Server { get; }

    public SubscriberPool Subscribers { get; }

    public static async Task<BaselineTarget> StartAsync(ChildApp server, string sampleEventJson, int writers, int connectBatch)
    {
        var connections = new HubConnection[writers];
        for (var i = 0; i < writers; i++)
        {
            connections[i] = SubscriberPool.Build(new Uri(server.BaseUrl, HubPath), token: null);
            await connections[i].StartAsync();
        }

        return new BaselineTarget(server, sampleEventJson, connections, connectBatch);
    }

    public Task<long> LastSeqAsync() => _writers[0].InvokeAsync<long>("LastSeq");

    public async Task<bool> SendAsync(int writer, long stamp, int number)
    {
        // The Api's event data with this message's number and stamp in its HTML: same shape, same size.
        var data = _template.DeepClone().AsObject();
        var html = StampPattern().Replace(_templateHtml, Stamp.Format(stamp, writer), 1);
        data["html"] = ReplyPattern().Replace(html, $"Reply {number} ", 1);
        await _writers[writer % _writers.Length].InvokeAsync<long>("Broadcast", _stream, data);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        Server.Dispose();
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }

        await Subscribers.DisposeAsync();
    }

    [GeneratedRegex(@"bench-t\d+-w\d+")]
    private static partial Regex StampPattern();

    [GeneratedRegex(@"Reply \d+ ")]
    private static partial Regex ReplyPattern();
}
