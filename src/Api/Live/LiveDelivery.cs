using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The hub's fan-out on one instance, with a bounded queue per connection. SignalR's own group send
/// writes to each member and awaits every write, so one reader whose socket is full (a phone on a
/// bad train, a tab frozen in the background) held up the stream's sender, and everything queued
/// behind it, for everyone. Here a group send serialises its message once, hands it to each
/// member's queue and returns: a connection that keeps up writes at once, as before; one whose
/// writes are pending queues, up to <see cref="LiveOptions.OutboxLimit"/> messages. Past that it
/// hears no more of that stream: its queued messages of the stream are dropped and it is sent
/// <see cref="LiveHub.ResetMethod"/> (<c>{ stream }</c>), on which it subscribes again from its last
/// number and catches up from the store (docs/live-protocol.md). A direct message to a connection
/// that far behind first stops the streams that filled its queue the same way; only a queue of
/// direct messages alone closes the connection, which then reconnects and catches up.
/// <para>
/// Only without a backplane: with Redis (several instances) SignalR's Redis manager delivers as before.
/// </para>
/// </summary>
public sealed class LiveDelivery(
    ILogger<DefaultHubLifetimeManager<LiveHub>> innerLogger,
    IOptions<LiveOptions> options,
    ILogger<LiveDelivery> logger) : HubLifetimeManager<LiveHub>
{
    private readonly DefaultHubLifetimeManager<LiveHub> _inner = new(innerLogger);
    private readonly int _limit = options.Value.OutboxLimit;
    private readonly ILogger _logger = logger;
    private readonly ConcurrentDictionary<string, Outbox> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Outbox>> _groups = new(StringComparer.Ordinal);
    private long _resets, _closed;

    /// <summary>Streams stopped for a connection that fell <see cref="LiveOptions.OutboxLimit"/> messages behind, since start.</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>Connections closed for falling that far behind on a direct message, since start.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = new Outbox(this, connection);
        return _inner.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        if (_connections.TryRemove(connection.ConnectionId, out var outbox))
        {
            foreach (var group in outbox.Groups())
            {
                Leave(group, connection.ConnectionId);
            }
        }

        return _inner.OnDisconnectedAsync(connection);
    }

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (_connections.TryGetValue(connectionId, out var outbox))
        {
            outbox.Join(groupName);
            _groups.GetOrAdd(groupName, static _ => new(StringComparer.Ordinal))[connectionId] = outbox;
        }

        return Task.CompletedTask;
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (_connections.TryGetValue(connectionId, out var outbox))
        {
            outbox.Leave(groupName);
        }

        Leave(groupName, connectionId);
        return Task.CompletedTask;
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendGroupExceptAsync(groupName, methodName, args, [], cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default)
    {
        if (_groups.TryGetValue(groupName, out var members))
        {
            var message = Serialized(methodName, args);
            foreach (var (id, outbox) in members)
            {
                if (excludedConnectionIds.Count == 0 || !excludedConnectionIds.Contains(id))
                {
                    outbox.Post(groupName, message);
                }
            }
        }

        return Task.CompletedTask;
    }

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var message = Serialized(methodName, args);
        foreach (var group in groupNames)
        {
            if (_groups.TryGetValue(group, out var members))
            {
                foreach (var outbox in members.Values)
                {
                    outbox.Post(group, message);
                }
            }
        }

        return Task.CompletedTask;
    }

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendConnectionsAsync([connectionId], methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var message = Serialized(methodName, args);
        foreach (var id in connectionIds)
        {
            if (_connections.TryGetValue(id, out var outbox))
            {
                outbox.Post(group: null, message);
            }
        }

        return Task.CompletedTask;
    }

    // Not used by this Api; SignalR's own delivery is good enough for them.
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        _inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        _inner.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _inner.TryGetReturnType(invocationId, out type);

    // Once per send, whatever the number of readers: SignalR keeps the bytes per protocol on the message.
    private static SerializedHubMessage Serialized(string methodName, object?[] args) =>
        new(new InvocationMessage(methodName, args));

    private void Leave(string group, string connectionId)
    {
        if (_groups.TryGetValue(group, out var members) && members.TryRemove(connectionId, out _) && members.IsEmpty)
        {
            _groups.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, Outbox>>(group, members));
        }
    }

    /// <summary>One connection's messages not written yet, in order; one write at a time. Guarded by locking the instance.</summary>
    private sealed class Outbox(LiveDelivery delivery, HubConnectionContext connection)
    {
        private readonly Queue<(string? Group, SerializedHubMessage Message)> _queue = new();
        private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
        private HashSet<string>? _stopped;
        private bool _writing;

        public string[] Groups()
        {
            lock (this)
            {
                return [.. _groups];
            }
        }

        /// <summary>Subscribing again is what a reset asks for: the stream flows again.</summary>
        public void Join(string group)
        {
            lock (this)
            {
                _groups.Add(group);
                _stopped?.Remove(group);
            }
        }

        public void Leave(string group)
        {
            lock (this)
            {
                _groups.Remove(group);
                _stopped?.Remove(group);
            }
        }

        public void Post(string? group, SerializedHubMessage message)
        {
            lock (this)
            {
                if (group is not null && _stopped?.Contains(group) == true)
                {
                    return;
                }

                if (_queue.Count >= delivery._limit && group is null)
                {
                    // A direct message (heads, revoked) makes room by stopping the streams that
                    // filled the queue, as their next event would have; only a queue of direct
                    // messages alone closes the connection.
                    foreach (var filling in _queue.Select(q => q.Group).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
                    {
                        Stop(filling);
                    }
                }

                if (_queue.Count >= delivery._limit)
                {
                    if (group is null)
                    {
                        Interlocked.Increment(ref delivery._closed);
                        delivery._logger.LogWarning("Live connection {Connection} is {Count} messages behind; closing it", connection.ConnectionId, _queue.Count);
                        _queue.Clear();
                        connection.Abort();
                        return;
                    }

                    Stop(group);
                    return;
                }

                _queue.Enqueue((group, message));
                if (_writing)
                {
                    return;
                }

                _writing = true;
            }

            // The first write runs here: it almost always completes at once, as SignalR's own would.
            _ = WriteAsync();
        }

        // Too slow for this stream: what it has not been sent of it goes, and it is told to catch up.
        private void Stop(string group)
        {
            (_stopped ??= new(StringComparer.Ordinal)).Add(group);
            var kept = _queue.Where(q => q.Group != group).ToList();
            _queue.Clear();
            foreach (var item in kept)
            {
                _queue.Enqueue(item);
            }

            _queue.Enqueue((null, Serialized(LiveHub.ResetMethod, [new ResetNotice(group)])));
            Interlocked.Increment(ref delivery._resets);
            delivery._logger.LogInformation("Live connection {Connection} fell {Limit} messages behind on {Stream}; told to reset",
                connection.ConnectionId, delivery._limit, group);
        }

        private async Task WriteAsync()
        {
            while (true)
            {
                SerializedHubMessage message;
                lock (this)
                {
                    if (!_queue.TryDequeue(out var next))
                    {
                        _writing = false;
                        return;
                    }

                    message = next.Message;
                }

                try
                {
                    await connection.WriteAsync(message, connection.ConnectionAborted);
                }
                catch (Exception exception)
                {
                    // The connection is going: what it misses it catches up when it comes back.
                    delivery._logger.LogDebug(exception, "Could not write to live connection {Connection}", connection.ConnectionId);
                }
            }
        }
    }
}

/// <summary>What <see cref="LiveHub.ResetMethod"/> carries: this stream stopped for you; subscribe again from your last number.</summary>
public sealed record ResetNotice(string Stream);
