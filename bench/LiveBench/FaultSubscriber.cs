using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.LiveBench;

/// <summary>What <c>Subscribe(stream, afterSeq)</c> returns (docs/live-protocol.md).</summary>
public sealed record FaultSubscription(string Stream, EventMessage[] Events, bool Reset, long LastSeq);

/// <summary>A <c>heads</c> beat: where a stream ends now.</summary>
public sealed record HeadsMessage(string Stream, long LastSeq);

/// <summary>
/// One reader of a thread that keeps the client rules of docs/live-protocol.md, as the fault
/// tests need them: apply only the next number, drop repeats, catch up from the last number on a
/// gap, on a <c>heads</c> beat beyond it and after every reconnect, and start again when the
/// connection closes for good. Unlike tests/Testing/LiveClient it keeps no event data, only when
/// each number arrived and which post (the writer's number in the body) it carried, so a thousand
/// of them fit in a bench process.
/// </summary>
public sealed class FaultSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan _retry = TimeSpan.FromMilliseconds(500);
    private readonly string _stream;
    private readonly HubConnection _connection;
    private readonly Channel<EventMessage?> _inbox = Channel.CreateUnbounded<EventMessage?>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<long, (int Post, long At)> _applied = [];
    private readonly Dictionary<int, int> _postCopies = [];
    private Task _loop = Task.CompletedTask;
    private long _lastSeq;
    private int _repeats, _gaps, _behind, _resets, _subscribes, _reconnects, _failedSubscribes;

    public FaultSubscriber(Uri server, Guid threadId, long lastSeq, Func<string> token)
    {
        _stream = $"thread:{threadId}";
        _lastSeq = lastSeq;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token());
            })
            .WithAutomaticReconnect(new KeepTrying())
            .WithServerTimeout(TimeSpan.FromSeconds(30))
            .Build();
        _connection.On<EventMessage>("event", e => _inbox.Writer.TryWrite(e));
        _connection.On<EventMessage[]>("events", events =>
        {
            foreach (var e in events)
            {
                _inbox.Writer.TryWrite(e);
            }
        });
        _connection.On<HeadsMessage>("heads", head =>
        {
            if (head.Stream == _stream && head.LastSeq > LastSeq)
            {
                Interlocked.Increment(ref _behind);
                _inbox.Writer.TryWrite(null);
            }
        });
        _connection.On<JsonElement>("presence", _ => { });
        _connection.On<JsonElement>("typing", _ => { });
        _connection.On<JsonElement>("revoked", _ => { });
        _connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref _reconnects);
            _inbox.Writer.TryWrite(null);
            return Task.CompletedTask;
        };
        _connection.Closed += error =>
        {
            if (!_stop.IsCancellationRequested)
            {
                _ = RestartAsync();
            }

            return Task.CompletedTask;
        };
    }

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

    public int Repeats => _repeats;
    public int Gaps => _gaps;
    public int Behind => _behind;
    public int Resets => _resets;
    public int Subscribes => _subscribes;
    public int Reconnects => _reconnects;
    public int FailedSubscribes => _failedSubscribes;

    public async Task StartAsync()
    {
        await _connection.StartAsync();
        await SubscribeAsync();
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Numbers in (<paramref name="from"/>, <paramref name="to"/>] never applied.</summary>
    public int Missing(long from, long to)
    {
        lock (_gate)
        {
            var missing = 0;
            for (var seq = from + 1; seq <= to; seq++)
            {
                missing += _applied.ContainsKey(seq) ? 0 : 1;
            }

            return missing;
        }
    }

    /// <summary>Copies beyond the first of one post (a post stored twice, or one number applied twice).</summary>
    public int Duplicated()
    {
        lock (_gate)
        {
            return _postCopies.Values.Sum(c => c - 1);
        }
    }

    /// <summary>When this reader first had post <paramref name="post"/> (Stopwatch ticks), or null.</summary>
    public Dictionary<int, long> PostArrivals()
    {
        lock (_gate)
        {
            var arrivals = new Dictionary<int, long>();
            foreach (var (post, at) in _applied.Values)
            {
                if (post >= 0 && !arrivals.ContainsKey(post))
                {
                    arrivals[post] = at;
                }
            }

            return arrivals;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _inbox.Writer.TryComplete();
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception)
        {
            // The server may be gone.
        }

        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                if (message is null)
                {
                    await SubscribeAsync();
                }
                else if (message.Seq > LastSeq + 1)
                {
                    Interlocked.Increment(ref _gaps);
                    await SubscribeAsync();
                }
                else
                {
                    Apply(message, Stopwatch.GetTimestamp());
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection dropped or the Api could not read the stream (its database
                // restarting): try again shortly; a reconnect or a later gap asks again too.
                Interlocked.Increment(ref _failedSubscribes);
                _ = Task.Delay(_retry, cancellationToken).ContinueWith(_ => _inbox.Writer.TryWrite(null), TaskScheduler.Default);
            }
        }
    }

    private async Task SubscribeAsync()
    {
        if (_connection.State != HubConnectionState.Connected)
        {
            return; // Reconnected (or the restart) asks again
        }

        var subscription = await _connection.InvokeAsync<FaultSubscription>("Subscribe", _stream, LastSeq, _stop.Token);
        Interlocked.Increment(ref _subscribes);
        var now = Stopwatch.GetTimestamp();
        if (subscription.Reset)
        {
            // More missed than catch-up returns: a page would reload over HTTP. The fault tests
            // count it (and the numbers skipped show as missing) rather than reload.
            Interlocked.Increment(ref _resets);
            lock (_gate)
            {
                _lastSeq = Math.Max(_lastSeq, subscription.LastSeq);
            }

            return;
        }

        foreach (var e in subscription.Events)
        {
            Apply(e, now);
        }
    }

    private void Apply(EventMessage message, long now)
    {
        lock (_gate)
        {
            if (message.Seq <= _lastSeq)
            {
                Interlocked.Increment(ref _repeats);
                return;
            }

            if (message.Seq != _lastSeq + 1)
            {
                return; // a catch-up always starts at lastSeq + 1; a later gap asks again
            }

            var post = PostNumber(message.Data?.Html);
            _applied[message.Seq] = (post, now);
            if (post >= 0)
            {
                _postCopies[post] = _postCopies.GetValueOrDefault(post) + 1;
            }

            _lastSeq = message.Seq;
        }
    }

    /// <summary>The writer's number k from a body "fault-k{k}-…", or -1.</summary>
    public static int PostNumber(string? html)
    {
        const string marker = "fault-k";
        var at = html?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return -1;
        }

        var start = at + marker.Length;
        var end = start;
        while (end < html!.Length && char.IsAsciiDigit(html[end]))
        {
            end++;
        }

        return int.TryParse(html.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : -1;
    }

    private async Task RestartAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_retry, _stop.Token);
                await _connection.StartAsync(_stop.Token);
                Interlocked.Increment(ref _reconnects);
                _inbox.Writer.TryWrite(null);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // Still down: try again.
            }
        }
    }

    /// <summary>Reconnect at once, then every half second (with jitter, so a thousand clients do not knock together).</summary>
    private sealed class KeepTrying : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(250 + Random.Shared.Next(500));
    }
}
