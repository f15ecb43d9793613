using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using CommunityOfPractice.Api.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Appends events to streams inside the caller's transaction and keeps them until the
/// transaction commits; <see cref="LivePublishingBehavior{TMessage,TResponse}"/> then sends them.
/// One per request (scoped).
/// </summary>
public sealed class LiveStreams(AppDbContext db, IOptions<JsonOptions> json, TimeProvider clock, AppMetrics metrics, StreamSequencer sequencer)
{
    private readonly List<PendingEvent> _pending = [];

    /// <summary>
    /// Takes the stream's next number. The upsert locks the stream's row until commit, so
    /// concurrent writers to one stream queue here and can neither share nor skip a number.
    /// </summary>
    public async Task<StreamEvent> AppendAsync(string stream, string kind, object data, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<long>($"""
            INSERT INTO streams (name, last_seq) VALUES ({stream}, 1)
            ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
            RETURNING last_seq AS "Value"
            """).ToListAsync(cancellationToken);
        var payload = JsonSerializer.SerializeToElement(data, json.Value.SerializerOptions);
        var streamEvent = new StreamEvent(stream, numbers.Single(), kind, payload);
        sequencer.Reserve(stream, streamEvent.Seq);

        db.StreamEvents.Add(new StoredStreamEvent
        {
            Stream = stream,
            Seq = streamEvent.Seq,
            Kind = kind,
            Data = payload.GetRawText(),
            OccurredAt = clock.GetUtcNow(),
        });
        _pending.Add(new PendingEvent(streamEvent, clock.GetTimestamp()));
        metrics.Appended();
        return streamEvent;
    }

    /// <summary>A retried or failed unit of work must not send what it appended; later numbers stop waiting for it.</summary>
    public void Discard() => sequencer.Cancel(TakePending());

    /// <summary>After commit: what this unit of work appended goes out, each stream in sequence order.</summary>
    public void Publish() => sequencer.Release(TakePending());

    private List<PendingEvent> TakePending()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }
}

/// <summary>An event appended in this unit of work, with when (a <see cref="TimeProvider"/> timestamp), for the send-lag measure.</summary>
public sealed record PendingEvent(StreamEvent Event, long AppendedAt);
