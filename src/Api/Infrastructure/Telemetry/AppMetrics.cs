using System.Diagnostics.Metrics;

namespace CommunityOfPractice.Api.Infrastructure.Telemetry;

/// <summary>
/// The platform's own measures, beside ASP.NET Core's, Npgsql's and the runtime's: how many live
/// connections are open, events appended and sent, how long an event takes from its append to
/// its hand-off to the hub, and how much mail waits. Exported by <see cref="TelemetrySetup"/>.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "CommunityOfPractice";

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _appended;
    private readonly Counter<long> _sent;
    private readonly Histogram<double> _sendLag;
    private readonly Counter<long> _rateLimited;
    private long _outboxWaiting;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("cop.live.connections", description: "Live hub connections open on this instance");
        _appended = meter.CreateCounter<long>("cop.live.events.appended", description: "Events appended to streams");
        _sent = meter.CreateCounter<long>("cop.live.events.sent", description: "Events handed to the hub after their transaction committed");
        _sendLag = meter.CreateHistogram<double>("cop.live.send.lag", unit: "ms",
            description: "From an event's append to its hand-off to the hub (its transaction's commit included)");
        _rateLimited = meter.CreateCounter<long>("cop.http.rate_limited", description: "Requests answered 429 Too Many Requests");
        meter.CreateObservableGauge("cop.outbox.waiting", () => Interlocked.Read(ref _outboxWaiting), description: "Messages in the outbox not sent yet");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Appended() => _appended.Add(1);

    public void Sent(TimeSpan sinceAppend)
    {
        _sent.Add(1);
        _sendLag.Record(sinceAppend.TotalMilliseconds);
    }

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void OutboxWaiting(long count) => Interlocked.Exchange(ref _outboxWaiting, count);
}
