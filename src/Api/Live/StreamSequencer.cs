using System.Collections.Concurrent;
using CommunityOfPractice.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Sends each stream's events in sequence order, whatever order their transactions finish in.
/// <para>
/// A number is taken under the stream's row lock, so when a writer learns number n, the writer of
/// n − 1 has already committed and is on its way to sending. Each number is therefore reserved
/// here when it is taken (<see cref="Reserve"/>) and held back after commit (<see cref="Release"/>)
/// until every smaller number reserved on this instance has been sent or given up
/// (<see cref="Cancel"/>, for a unit of work that rolled back or is retried). One writer at a time
/// sends a stream's queue, in order: a background send started by the writer that finds it idle,
/// taking along whatever the others released meanwhile, so no writer waits for a send.
/// </para>
/// <para>
/// Across instances, each run of consecutive numbers waits its turn (<see cref="IStreamTurns"/>):
/// until the number before it was sent by whichever instance had it, so a later number does not
/// overtake an earlier one on the backplane. A turn that never comes (that instance died between
/// commit and send) is waited for only briefly; clients fill such a gap from the store as
/// <c>docs/live-protocol.md</c> says.
/// </para>
/// </summary>
public sealed class StreamSequencer(
    IHubContext<LiveHub> hub, IStreamTurns turns, AppMetrics metrics, TimeProvider clock, ILogger<StreamSequencer> logger)
{
    /// <summary>Longer than any unit of work holds a stream's row lock; see <see cref="HasSendable"/>.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromSeconds(30);

    /// <summary>The most events one message carries; a longer queue goes in several.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, Line> _lines = new(StringComparer.Ordinal);

    /// <summary>Number <paramref name="seq"/> of <paramref name="stream"/> is taken and will be released or cancelled.</summary>
    public void Reserve(string stream, long seq)
    {
        while (true)
        {
            var line = _lines.GetOrAdd(stream, static _ => new Line());
            lock (line)
            {
                if (line.Retired)
                {
                    continue;
                }

                line.Reserved[seq] = clock.GetTimestamp();
                return;
            }
        }
    }

    /// <summary>The unit of work that took these numbers will not send them; later numbers need not wait for them.</summary>
    public void Cancel(IReadOnlyCollection<PendingEvent> events) => Settle(events, sent: false);

    /// <summary>These events are committed: they go out as soon as every smaller reserved number has.</summary>
    public void Release(IReadOnlyCollection<PendingEvent> events) => Settle(events, sent: true);

    private void Settle(IReadOnlyCollection<PendingEvent> events, bool sent)
    {
        foreach (var group in events.GroupBy(e => e.Event.Stream, StringComparer.Ordinal))
        {
            if (!_lines.TryGetValue(group.Key, out var line))
            {
                continue;
            }

            bool sender;
            lock (line)
            {
                foreach (var pending in group)
                {
                    line.Reserved.Remove(pending.Event.Seq);
                    if (sent)
                    {
                        line.Ready.Add(pending.Event.Seq, pending);
                    }
                }

                sender = !line.Sending && HasSendable(group.Key, line);
                line.Sending |= sender;
                RetireIfIdle(group.Key, line);
            }

            if (sender)
            {
                // The writer that committed does not wait for the readers: a backplane that is down
                // (StackExchange.Redis holds a publish for seconds) must not hold up its answer.
                _ = Task.Run(() => SendQueueAsync(group.Key, line));
            }
        }
    }

    /// <summary>
    /// Whether the oldest ready event may go: nothing smaller is still reserved. A reservation older
    /// than <see cref="Abandoned"/> belongs to a unit of work that will never settle (a bug, or a
    /// process in trouble): it stops holding the stream back, and clients catch up past it.
    /// </summary>
    private bool HasSendable(string stream, Line line)
    {
        while (line.Ready.Count > 0 && line.Reserved.Count > 0)
        {
            var (oldest, reservedAt) = line.Reserved.First();
            if (oldest > line.Ready.Keys[0])
            {
                return true;
            }

            if (clock.GetElapsedTime(reservedAt) <= Abandoned)
            {
                return false;
            }

            logger.LogWarning("{Stream} #{Seq} was reserved over {Seconds} s ago and never settled; later events go without it",
                stream, oldest, Abandoned.TotalSeconds);
            line.Reserved.Remove(oldest);
        }

        return line.Ready.Count > 0;
    }

    /// <summary>
    /// Sends the stream's queue in order. An event that finds the stream idle goes out at once, on
    /// its own; events that arrive while a send is in flight queue up and go together as one
    /// <see cref="LiveHub.EventsMethod"/> message carrying an array, so a busy stream sends fewer,
    /// larger messages instead of falling behind one at a time.
    /// </summary>
    private async Task SendQueueAsync(string stream, Line line)
    {
        while (true)
        {
            var batch = new List<PendingEvent>();
            lock (line)
            {
                // A run of consecutive numbers: a number missing here may be another instance's, whose turn comes first.
                while (batch.Count < MaxBatch && HasSendable(stream, line)
                    && (batch.Count == 0 || line.Ready.Keys[0] == batch[^1].Event.Seq + 1))
                {
                    batch.Add(line.Ready.Values[0]);
                    line.Ready.RemoveAt(0);
                }

                if (batch.Count == 0)
                {
                    line.Sending = false;
                    RetireIfIdle(stream, line);
                    return;
                }
            }

            await QuietlyAsync(stream, batch[0].Event.Seq, turns.WaitForTurnAsync);
            try
            {
                // Not a request's token: the change is committed and readers must hear of it.
                var group = hub.Clients.Group(stream);
                await (batch is [var single]
                    ? group.SendAsync(LiveHub.EventMethod, single.Event, CancellationToken.None)
                    : group.SendAsync(LiveHub.EventsMethod, batch.Select(p => p.Event).ToArray(), CancellationToken.None));
                foreach (var sent in batch)
                {
                    metrics.Sent(clock.GetElapsedTime(sent.AppendedAt));
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not send {Stream} #{First}–{Last}; clients will catch up",
                    stream, batch[0].Event.Seq, batch[^1].Event.Seq);
            }

            // Sent or given up, the next number's turn has come.
            await QuietlyAsync(stream, batch[^1].Event.Seq, turns.SentAsync);
        }
    }

    // Order across instances is a courtesy to the clients (fewer gaps to fill), never a reason not to send.
    private async ValueTask QuietlyAsync(string stream, long seq, Func<string, long, ValueTask> turn)
    {
        try
        {
            await turn(stream, seq);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "No turn kept for {Stream} #{Seq}", stream, seq);
        }
    }

    /// <summary>A line with nothing reserved, waiting or being sent is forgotten; a writer that still holds it takes a new one.</summary>
    private void RetireIfIdle(string stream, Line line)
    {
        if (line.Reserved.Count == 0 && line.Ready.Count == 0 && !line.Sending)
        {
            line.Retired = true;
            _lines.TryRemove(new KeyValuePair<string, Line>(stream, line));
        }
    }

    /// <summary>One stream's numbers in flight on this instance; guarded by locking the instance itself.</summary>
    private sealed class Line
    {
        /// <summary>Numbers taken and not yet settled, with when (a <see cref="TimeProvider"/> timestamp).</summary>
        public SortedDictionary<long, long> Reserved { get; } = [];

        /// <summary>Committed events waiting for their turn: for a smaller number to settle, or for the sender.</summary>
        public SortedList<long, PendingEvent> Ready { get; } = [];

        public bool Sending { get; set; }

        public bool Retired { get; set; }
    }
}
