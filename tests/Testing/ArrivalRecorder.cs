using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>
/// Plain hub connections that record the sequence numbers of a stream as they arrive: no catch-up
/// tidies them up, so what is recorded is the order the server sent.
/// </summary>
public sealed class ArrivalRecorder : IAsyncDisposable
{
    private readonly List<(HubConnection Connection, List<long> Seqs)> _readers = [];

    /// <summary>Records what <paramref name="connection"/> hears of the stream after subscribing from <paramref name="afterSeq"/>.</summary>
    public async Task SubscribeAsync(HubConnection connection, string stream, long afterSeq)
    {
        var seqs = new List<long>();
        connection.OnEachEvent(e =>
        {
            lock (seqs)
            {
                seqs.Add(e.Seq);
            }
        });
        _readers.Add((connection, seqs));
        await connection.InvokeAsync<LiveSubscription>("Subscribe", stream, afterSeq);
    }

    /// <summary>Waits until every reader has as many copies as expected, then asserts each heard exactly those, in that order.</summary>
    public async Task AssertEachReceivedInOrderAsync(IReadOnlyList<long> expected, string what)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(_readers.All(r => { lock (r.Seqs) { return r.Seqs.Count >= expected.Count; } })), what);
        foreach (var (_, seqs) in _readers)
        {
            lock (seqs)
            {
                Assert.Equal(expected, seqs);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, _) in _readers)
        {
            await connection.DisposeAsync();
        }
    }
}
