using System.Collections.Concurrent;
using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

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

    /// <summary>
    /// Behind several instances, how long a stream's sender waits for the number before its own to
    /// be sent by another instance (<see cref="IStreamTurns"/>) before sending anyway.
    /// </summary>
    public TimeSpan TurnWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many messages may wait for one connection before it is told to reset the stream (<see cref="LiveDelivery"/>).</summary>
    public int OutboxLimit { get; set; } = 64;

    /// <summary>How many database connections subscribers' catch-ups may hold at once (<see cref="CatchUpReads"/>); the pool has 100.</summary>
    public int CatchUpConcurrency { get; set; } = 8;
}

/// <summary>
/// The one hub for live updates. Groups are routing only: every Subscribe checks, through the
/// stream's policy, that this person may read the stream, reconnects included.
/// </summary>
[Authorize]
public sealed class LiveHub(
    IEnumerable<IStreamPolicy> policies,
    CatchUpReads catchUps,
    Presence presence,
    LiveConnections connections,
    AppMetrics metrics,
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
        // A herd of readers catching up at once takes turns for a few connections (CatchUpReads);
        // the writes keep the rest of the pool.
        IStreamPolicy policy;
        string id;
        using (await catchUps.EnterAsync(Context.ConnectionAborted))
        {
            (policy, id) = await AuthorizeAsync(stream);
        }

        stream = $"{policy.Prefix}:{id}";
        // Join first, then read: an event committed in between arrives twice (live and in the
        // catch-up), and the client drops the copy; the other order could lose it.
        await Groups.AddToGroupAsync(Context.ConnectionId, stream);
        presence.Join(stream, Context.ConnectionId);

        var catchUp = await catchUps.ReadAsync(stream, afterSeq, Context.ConnectionAborted);
        if (catchUp.Reset || catchUp.Events.Count == 0)
        {
            return new SubscribeResult(stream, [], catchUp.Reset, catchUp.LastSeq);
        }

        using (await catchUps.EnterAsync(Context.ConnectionAborted))
        {
            var visible = await policy.ForReaderAsync(id, catchUp.Events, CurrentCaller, Context.ConnectionAborted);
            return new SubscribeResult(stream, visible, Reset: false, catchUp.LastSeq);
        }
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
