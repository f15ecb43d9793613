using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Testing;

/// <summary>One event of a stream, as the hub sends it (docs/live-protocol.md).</summary>
public sealed record LiveEvent(string Stream, long Seq, string Kind, JsonElement Data);

/// <summary>The two ways the hub sends events: one at a time, or several of a busy stream in one message.</summary>
public static class LiveEvents
{
    /// <summary>Calls <paramref name="handler"/> for each event in arrival order, whichever way it came.</summary>
    public static void OnEachEvent(this HubConnection connection, Action<LiveEvent> handler)
    {
        connection.On<LiveEvent>("event", handler);
        connection.On<LiveEvent[]>("events", events =>
        {
            foreach (var e in events)
            {
                handler(e);
            }
        });
    }
}

/// <summary>The hub protocols a client may speak: JSON (the default) or MessagePack shaped as the JSON.</summary>
public enum LiveProtocol
{
    Json,
    MessagePack,
}

/// <summary>What <c>Subscribe(stream, afterSeq)</c> returns.</summary>
public sealed record LiveSubscription(string Stream, IReadOnlyList<LiveEvent> Events, bool Reset, long LastSeq);

/// <summary>
/// A reader of one stream that keeps the client rules of docs/live-protocol.md: subscribe from
/// the last number it has, apply only the next number, drop duplicates, catch up on a gap, reload
/// over HTTP on a reset, and subscribe again after every reconnect. Real SignalR over WebSockets.
/// All stream state changes on one loop, so the rules read top to bottom without locks around them.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/live";

    private readonly Func<Task<string?>> _accessToken;
    private readonly Func<CancellationToken, Task<long>> _reload;
    private readonly Channel<LiveEvent?> _inbox = Channel.CreateUnbounded<LiveEvent?>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<LiveEvent> _events = [];
    private readonly List<(long Seq, TaskCompletionSource Reached)> _waiters = [];
    private ClientWebSocket? _socket;
    private TaskCompletionSource? _reading;
    private SocketsHttpHandler? _handler;
    private Task _loop = Task.CompletedTask;
    private long _lastSeq;
    private int _duplicates, _gaps, _lost, _resets, _subscribes, _reconnects, _drops, _behind, _stopped;

    /// <param name="server">The Api's base address.</param>
    /// <param name="stream">For example <c>thread:{id}</c>.</param>
    /// <param name="lastSeq">The number of the state the caller already has (0 for none).</param>
    /// <param name="accessToken">A current bearer token; asked again on every (re)connect.</param>
    /// <param name="reload">On a reset: reload the state over HTTP and return its lastSeq.</param>
    /// <param name="protocol">How messages travel; the rules are the same for both.</param>
    public LiveClient(Uri server, string stream, long lastSeq, Func<Task<string?>> accessToken, Func<CancellationToken, Task<long>> reload,
        LiveProtocol protocol = LiveProtocol.Json)
    {
        Stream = stream;
        _lastSeq = lastSeq;
        _accessToken = accessToken;
        _reload = reload;
        Connection = Connect(server, accessToken, ConnectSocketAsync, protocol);
        Connection.OnEachEvent(e => _inbox.Writer.TryWrite(e));
        Connection.On<JsonElement>("presence", _ => { });
        Connection.On<JsonElement>("typing", _ => { });
        Connection.On<JsonElement>("revoked", _ => { });
        // Too slow for the server's queue: it stopped sending this stream; subscribe again from lastSeq.
        Connection.On<JsonElement>("reset", notice =>
        {
            if (notice.GetProperty("stream").GetString() == Stream)
            {
                Interlocked.Increment(ref _stopped);
                _inbox.Writer.TryWrite(null);
            }
        });
        // Where the stream ends now: further than we got means something was lost without a trace.
        Connection.On<JsonElement>("heads", head =>
        {
            if (head.GetProperty("stream").GetString() == Stream && head.GetProperty("lastSeq").GetInt64() > LastSeq)
            {
                Interlocked.Increment(ref _behind);
                _inbox.Writer.TryWrite(null);
            }
        });

        // SignalR's reconnect gives a connection with no groups: subscribe again from lastSeq.
        Connection.Reconnected += connectionId =>
        {
            Interlocked.Increment(ref _reconnects);
            _inbox.Writer.TryWrite(null);
            return Task.CompletedTask;
        };

        // Closed for good (reconnect gave up, or the server closed it when the token expired).
        Connection.Closed += error =>
        {
            if (!_stop.IsCancellationRequested)
            {
                _ = RestartAsync();
            }

            return Task.CompletedTask;
        };
    }

    public string Stream { get; }

    /// <summary>The connection, for other hub methods (Typing, Unsubscribe).</summary>
    public HubConnection Connection { get; }

    /// <summary>Test hook: return true to lose a live event on purpose, as if it never arrived.</summary>
    public Func<LiveEvent, bool>? LoseLive { get; set; }

    /// <summary>Called on the client's loop for every event applied, in order.</summary>
    public event Action<LiveEvent>? Applied;

    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastSeq;
            }
        }
    }

    /// <summary>Events applied since start (or since the last reset), in order, each once.</summary>
    public IReadOnlyList<LiveEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public int Duplicates => _duplicates;
    public int Gaps => _gaps;

    /// <summary>How often a <c>heads</c> beat showed this client it was behind.</summary>
    public int Behind => _behind;
    public int Lost => _lost;

    /// <summary>How often the server said it stopped sending the stream (a <c>reset</c> message: this client fell too far behind).</summary>
    public int Stopped => _stopped;
    public int Resets => _resets;
    public int Subscribes => _subscribes;
    public int Reconnects => _reconnects;
    public int Drops => _drops;
    public Exception? LastError { get; private set; }

    /// <summary>A hub connection over WebSockets with a bearer token (the Api reads tokens from the header only).</summary>
    public static HubConnection Connect(Uri server, Func<Task<string?>> accessToken,
        Func<WebSocketConnectionContext, CancellationToken, ValueTask<WebSocket>>? socketFactory = null,
        LiveProtocol protocol = LiveProtocol.Json)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubPath), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = accessToken;
                if (socketFactory is not null)
                {
                    options.WebSocketFactory = socketFactory;
                }
            })
            .WithAutomaticReconnect(new KeepTrying());
        if (protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(options => options.SerializerOptions = LiveMessagePack.Options(ApiJson.Options));
        }

        return builder.Build();
    }

    /// <summary>Connects and subscribes from lastSeq; a hub error (a stream one may not read) is thrown here.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Connection.StartAsync(cancellationToken);
        await SubscribeAsync(cancellationToken);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Cuts the WebSocket as a failing network would; SignalR reconnects and the client subscribes again.</summary>
    public void DropConnection()
    {
        Interlocked.Increment(ref _drops);
        _socket?.Abort();
    }

    /// <summary>Waits until the client has applied (or reloaded) everything up to <paramref name="seq"/>.</summary>
    public async Task WaitForSeqAsync(long seq, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lastSeq >= seq)
            {
                return;
            }

            _waiters.Add((seq, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Stream}: waited {timeout.TotalSeconds:0} s for #{seq} but the client is at #{LastSeq}. {this}");
        }
    }

    public override string ToString() =>
        $"lastSeq {LastSeq}, applied {Events.Count}, duplicates {Duplicates}, gaps {Gaps}, lost on purpose {Lost}, resets {Resets}, " +
        $"subscribes {Subscribes}, stopped {Stopped}, drops {Drops}, reconnects {Reconnects}, state {Connection.State}, last error: {LastError?.Message ?? "none"}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _inbox.Writer.TryComplete();
        await Connection.DisposeAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _handler?.Dispose();
    }

    // Live events, and null for "subscribe again", are handled here one at a time.
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var liveEvent in _inbox.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                if (liveEvent is null)
                {
                    await SubscribeAsync(cancellationToken);
                }
                else if (LoseLive?.Invoke(liveEvent) == true)
                {
                    Interlocked.Increment(ref _lost);
                }
                else if (liveEvent.Seq > LastSeq + 1)
                {
                    // A message was lost between commit and send: catch up from the stored stream
                    // (which brings this event too) instead of trusting the live feed.
                    Interlocked.Increment(ref _gaps);
                    await SubscribeAsync(cancellationToken);
                }
                else
                {
                    Apply(liveEvent);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection dropped mid-call: its reconnect queues a fresh subscribe, and a
                // later gap would ask again.
                LastError = exception;
            }
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var subscription = await Connection.InvokeAsync<LiveSubscription>("Subscribe", Stream, LastSeq, cancellationToken);
            Interlocked.Increment(ref _subscribes);
            if (!subscription.Reset)
            {
                foreach (var caughtUp in subscription.Events)
                {
                    Apply(caughtUp);
                }

                return;
            }

            // Too far behind to catch up: reload over HTTP, then subscribe from the reloaded number.
            Interlocked.Increment(ref _resets);
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{Stream}: still told to reset after reloading twice.");
            }

            var reloaded = await _reload(cancellationToken);
            lock (_gate)
            {
                _events.Clear();
                _lastSeq = Math.Max(_lastSeq, reloaded);
                ReleaseWaiters();
            }
        }
    }

    private void Apply(LiveEvent liveEvent)
    {
        lock (_gate)
        {
            if (liveEvent.Seq <= _lastSeq)
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }

            if (liveEvent.Seq != _lastSeq + 1)
            {
                // Catch-up always starts at lastSeq + 1; anything else is the server breaking the contract.
                throw new InvalidOperationException($"{Stream}: expected #{_lastSeq + 1}, was given #{liveEvent.Seq}.");
            }

            _events.Add(liveEvent);
            _lastSeq = liveEvent.Seq;
            ReleaseWaiters();
        }

        Applied?.Invoke(liveEvent);
    }

    private void ReleaseWaiters()
    {
        foreach (var waiter in _waiters.Where(w => w.Seq <= _lastSeq).ToList())
        {
            waiter.Reached.TrySetResult();
            _waiters.Remove(waiter);
        }
    }

    private async ValueTask<WebSocket> ConnectSocketAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        // Our own socket, so that DropConnection can cut it; the token goes in the header as usual.
        var socket = new ClientWebSocket();
        if (await _accessToken() is { } token)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        if (ReceiveBufferSize is { } size)
        {
            // A socket that holds little unread, so that a reader which stops reading is soon a full pipe on the server.
            // Kept for the client's life: the upgraded connection stays with it.
            var handler = _handler ??= new SocketsHttpHandler
            {
                ConnectCallback = async (connect, ct) =>
                {
                    var raw = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = size };
                    await raw.ConnectAsync(connect.DnsEndPoint, ct);
                    return new NetworkStream(raw, ownsSocket: true);
                },
            };
            await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(handler, disposeHandler: false), cancellationToken);
        }
        else
        {
            await socket.ConnectAsync(context.Uri, cancellationToken);
        }

        _socket = socket;
        return new PausableSocket(socket, this);
    }

    /// <summary>Test hook: the kernel's receive buffer for the next (re)connect, in bytes (see <see cref="PauseReading"/>).</summary>
    public int? ReceiveBufferSize { get; set; }

    /// <summary>
    /// Stops reading the socket, as a frozen tab or a stalled phone would: what the server sends piles
    /// up in the kernel and then in the server's own buffers. <see cref="ResumeReading"/> goes on.
    /// </summary>
    public void PauseReading()
    {
        lock (_gate)
        {
            _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ResumeReading()
    {
        TaskCompletionSource? paused;
        lock (_gate)
        {
            paused = _reading;
            _reading = null;
        }

        paused?.TrySetResult();
    }

    private Task ReadingAllowed()
    {
        lock (_gate)
        {
            return _reading?.Task ?? Task.CompletedTask;
        }
    }

    /// <summary>The client's WebSocket, whose reads wait while the client is paused; everything else passes through.</summary>
    private sealed class PausableSocket(WebSocket inner, LiveClient client) : WebSocket
    {
        public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;
        public override string? CloseStatusDescription => inner.CloseStatusDescription;
        public override WebSocketState State => inner.State;
        public override string? SubProtocol => inner.SubProtocol;

        public override void Abort() => inner.Abort();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override void Dispose() => inner.Dispose();

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            await client.ReadingAllowed().WaitAsync(cancellationToken);
            return await inner.ReceiveAsync(buffer, cancellationToken);
        }

        public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            await client.ReadingAllowed().WaitAsync(cancellationToken);
            return await inner.ReceiveAsync(buffer, cancellationToken);
        }

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
            inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

        public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
            inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

        public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
            inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);
    }

    private async Task RestartAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Connection.StartAsync(_stop.Token);
                Interlocked.Increment(ref _reconnects);
                _inbox.Writer.TryWrite(null);
                return;
            }
            catch (Exception exception) when (!_stop.IsCancellationRequested)
            {
                LastError = exception;
                await Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reconnect at once, then every quarter second, for as long as the client lives.</summary>
    private sealed class KeepTrying : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(250);
    }
}
