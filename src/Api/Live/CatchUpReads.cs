using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Reads what a stream's subscribers missed, once for all of them. When many readers catch up at
/// the same moment (an instance died and its readers came back through the balancer, or one event
/// was late for everyone) they would each read the same rows; here, per stream, one read runs at a
/// time, and whoever asks while it runs shares the next one, which starts from the smallest number
/// asked for. A read only ever serves requests made before it began, so what a reader joined the
/// stream's group for before asking is never missed. All reads together use at most
/// <see cref="LiveOptions.CatchUpConcurrency"/> database connections, so a herd of catch-ups cannot
/// take the pool from the writes.
/// </summary>
public sealed class CatchUpReads(IServiceScopeFactory scopes, IOptions<LiveOptions> options)
{
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.Value.CatchUpConcurrency));
    private readonly int _limit = options.Value.CatchUpLimit;

    /// <summary>Holds one of the connections catch-ups may use, for other per-reader work in the same herd.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Exit(_gate);
    }

    /// <summary>The stream's last number now, and its events after <paramref name="afterSeq"/>, or that the reader must reset.</summary>
    public async Task<CatchUp> ReadAsync(string stream, long afterSeq, CancellationToken cancellationToken)
    {
        afterSeq = Math.Max(afterSeq, 0);
        Task<Snapshot> read;
        lock (_lines)
        {
            if (!_lines.TryGetValue(stream, out var line))
            {
                _lines[stream] = line = new Line();
            }

            line.Next ??= new Batch();
            line.Next.From = Math.Min(line.Next.From, afterSeq);
            read = line.Next.Done.Task;
            if (!line.Reading)
            {
                line.Reading = true;
                _ = Task.Run(() => ReadLineAsync(stream, line));
            }
        }

        var snapshot = await read.WaitAsync(cancellationToken);
        return snapshot.For(afterSeq, _limit);
    }

    private async Task ReadLineAsync(string stream, Line line)
    {
        while (true)
        {
            Batch batch;
            lock (_lines)
            {
                if (line.Next is null)
                {
                    line.Reading = false;
                    _lines.Remove(stream);
                    return;
                }

                batch = line.Next;
                line.Next = null;
            }

            try
            {
                batch.Done.SetResult(await ReadStoreAsync(stream, batch.From));
            }
            catch (Exception exception)
            {
                batch.Done.SetException(exception);
            }
        }
    }

    private async Task<Snapshot> ReadStoreAsync(string stream, long from)
    {
        using var entered = await EnterAsync(CancellationToken.None);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lastSeq = await db.Set<StoredStreamEvent>().Where(e => e.Stream == stream).MaxAsync(e => (long?)e.Seq) ?? 0;

        // Whoever is further behind than the limit resets, so nothing before that is worth reading.
        from = Math.Max(from, lastSeq - _limit);
        var stored = await db.Set<StoredStreamEvent>().AsNoTracking()
            .Where(e => e.Stream == stream && e.Seq > from)
            .OrderBy(e => e.Seq)
            .Take(_limit)
            .ToListAsync();
        var events = stored.Select(e => new StreamEvent(e.Stream, e.Seq, e.Kind, JsonDocument.Parse(e.Data).RootElement)).ToList();
        return new Snapshot(lastSeq, events);
    }

    private sealed class Line
    {
        public bool Reading { get; set; }

        /// <summary>The requests the next read serves; null when none is waiting.</summary>
        public Batch? Next { get; set; }
    }

    private sealed class Batch
    {
        public long From { get; set; } = long.MaxValue;

        public TaskCompletionSource<Snapshot> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Snapshot(long LastSeq, IReadOnlyList<StreamEvent> Events)
    {
        public CatchUp For(long afterSeq, int limit)
        {
            if (LastSeq - afterSeq > limit)
            {
                return new CatchUp(LastSeq, [], Reset: true);
            }

            var missed = Events.SkipWhile(e => e.Seq <= afterSeq).ToList();
            // Events this reader lacks were pruned (older than the retention): it cannot catch up, only reset.
            return missed.Count > 0 && missed[0].Seq != afterSeq + 1
                ? new CatchUp(LastSeq, [], Reset: true)
                : new CatchUp(LastSeq, missed, Reset: false);
        }
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>What one reader missed of a stream: its events in order, or <see cref="Reset"/> when it is too far behind or they were pruned.</summary>
public sealed record CatchUp(long LastSeq, IReadOnlyList<StreamEvent> Events, bool Reset);
