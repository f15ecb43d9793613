using System.Collections.Concurrent;
using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

public sealed class LiveOptions
{
    /// <summary>How far behind a client may be and still catch up; further behind, it reloads.</summary>
    public int CatchUpLimit { get; set; } = 1000;

    /// <summary>How long stored events are kept for catching up (the last of each stream stays); see <see cref="StreamEventPruner"/>.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often readers hear where the streams that moved now end (<see cref="StreamHeadsBeat"/>): the longest a silently lost event goes unnoticed.</summary>
    public TimeSpan HeadsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Behind several instances (Redis configured), how long an instance's count of its readers
    /// lasts without renewal (it renews three times as often): the most an instance that died
    /// leaves its readers in the "N reading" of the others.
    /// </summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each instance asks whose access changed (<see cref="AccessRecheck"/>): the most a revoked reader keeps hearing.</summary>
    public TimeSpan AccessRecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many messages may wait for one connection before it is told to reset the stream (<see cref="LiveDelivery"/>).</summary>
    public int OutboxLimit { get; set; } = 64;
}

/// <summary>
/// The one hub for live updates. Groups are routing only: every Subscribe checks, through the
/// stream's policy, that this person may read the stream, reconnects included.
/// </summary>
[Authorize]
public sealed class LiveHub(
    AppDbContext db,
    IEnumerable<IStreamPolicy> policies,
    Presence presence,
    LiveConnections connections,
    AppMetrics metrics,
    IOptions<LiveOptions> options,
    TimeProvider clock) : Hub
{
    public const string Path = "/hubs/live";
    public const string EventMethod = "event";

    /// <summary>Several events of one stream, in order, sent together while the stream was busy; applied exactly as that many <see cref="EventMethod"/> messages.</summary>
    public const string EventsMethod = "events";
    public const string PresenceMethod = "presence";

    /// <summary>A connection too slow for its queue hears no more of a stream until it subscribes again; see <see cref="LiveDelivery"/>.</summary>
    public const string ResetMethod = "reset";
    public const string TypingMethod = "typing";

    private static readonly TimeSpan _typingInterval = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string Connection, string Stream), DateTimeOffset> _lastTyping = new();

    public async Task<SubscribeResult> Subscribe(string stream, long afterSeq)
    {
        var (policy, id) = await AuthorizeAsync(stream);
        stream = $"{policy.Prefix}:{id}";

        // Join first, then read: an event committed in between arrives twice (live and in the
        // catch-up), and the client drops the copy; the other order could lose it.
        await Groups.AddToGroupAsync(Context.ConnectionId, stream);
        presence.Join(stream, Context.ConnectionId);

        var limit = options.Value.CatchUpLimit;
        var lastSeq = await db.Set<StoredStreamEvent>().Where(e => e.Stream == stream)
            .MaxAsync(e => (long?)e.Seq, Context.ConnectionAborted) ?? 0;
        if (lastSeq - Math.Max(afterSeq, 0) > limit)
        {
            return new SubscribeResult(stream, [], Reset: true, lastSeq);
        }

        var stored = await db.Set<StoredStreamEvent>().AsNoTracking()
            .Where(e => e.Stream == stream && e.Seq > afterSeq)
            .OrderBy(e => e.Seq)
            .Take(limit)
            .ToListAsync(Context.ConnectionAborted);
        // Events this client lacks were pruned (older than the retention): it cannot catch up, only reset.
        if (stored.Count > 0 && stored[0].Seq != Math.Max(afterSeq, 0) + 1)
        {
            return new SubscribeResult(stream, [], Reset: true, lastSeq);
        }

        var events = stored.Select(e => new StreamEvent(e.Stream, e.Seq, e.Kind, System.Text.Json.JsonDocument.Parse(e.Data).RootElement)).ToList();
        var visible = await policy.ForReaderAsync(id, events, CurrentCaller, Context.ConnectionAborted);
        return new SubscribeResult(stream, visible, Reset: false, lastSeq);
    }

    public async Task Unsubscribe(string? stream)
    {
        stream = Normalize(stream);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, stream);
        presence.Leave(stream, Context.ConnectionId);
    }

    public async Task Typing(string? stream)
    {
        stream = Normalize(stream);
        if (!presence.IsReading(stream, Context.ConnectionId))
        {
            throw new HubException("Subscribe to the stream before typing in it.");
        }

        var now = clock.GetUtcNow();
        var key = (Context.ConnectionId, stream);
        if (_lastTyping.TryGetValue(key, out var last) && now - last < _typingInterval)
        {
            return;
        }

        _lastTyping[key] = now;
        await Clients.OthersInGroup(stream).SendAsync(TypingMethod, new
        {
            stream,
            memberId = Context.User!.MemberId(),
            displayName = Context.User!.FindFirstValue("name"),
        });
    }

    public override async Task OnConnectedAsync()
    {
        metrics.Connected();
        // Only a token issued for this Api reads as someone (Caller.From); only someone can lose access.
        if (Caller.From(Context.User!) is { MemberId: { } memberId })
        {
            connections.Add(Context, memberId);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        connections.Remove(Context.ConnectionId);
        presence.LeaveAll(Context.ConnectionId);

        foreach (var key in _lastTyping.Keys.Where(k => k.Connection == Context.ConnectionId))
        {
            _lastTyping.TryRemove(key, out _);
        }

        await base.OnDisconnectedAsync(exception);
    }

    // The token's roles, until a change of access gave this connection fresher ones (AccessRecheck).
    private Caller CurrentCaller => connections.CallerFor(Context.ConnectionId) ?? Caller.From(Context.User!);

    // Streams are named by their canonical id, as Subscribe answers; accept other spellings of a Guid.
    private static string Normalize(string? stream) =>
        string.IsNullOrWhiteSpace(stream) ? throw new HubException("Name a stream, such as \"thread:{id}\".")
        : stream.Split(':', 2) is [var prefix, var id] && Guid.TryParse(id, out var guid) ? $"{prefix}:{guid}" : stream;

    private async Task<(IStreamPolicy Policy, string Id)> AuthorizeAsync(string stream)
    {
        var separator = stream?.IndexOf(':') ?? -1;
        var policy = separator > 0 ? policies.FirstOrDefault(p => p.Prefix == stream![..separator]) : null;
        if (policy is null)
        {
            throw new HubException("There is no such stream.");
        }

        var id = await policy.AuthorizeAsync(stream![(separator + 1)..], CurrentCaller, Context.ConnectionAborted);
        return id is not null
            ? (policy, id)
            : throw new HubException("There is no such stream, or you may not read it.");
    }
}
