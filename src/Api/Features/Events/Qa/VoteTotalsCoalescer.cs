using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// Coalesces votes: a vote only marks its question changed; at most once per window, each stream with
/// changes gets one "votes.updated" event carrying the latest totals of the changed questions,
/// read from the database. However many votes arrive, readers get a few messages a second, and
/// each carries the truth, not a delta. The event is appended and sent through the ordinary
/// pipeline (<see cref="PublishVoteTotals"/>), so it has a sequence number and catch-up like any other.
/// </summary>
public sealed class VoteTotalsCoalescer(IServiceScopeFactory scopes, IOptions<VoteTotalsOptions> options, TimeProvider clock, ILogger<VoteTotalsCoalescer> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> _changed = new();
    private readonly SemaphoreSlim _signal = new(0);

    public void Changed(Guid eventId, Guid questionId)
    {
        _changed.GetOrAdd(eventId, _ => new()).TryAdd(questionId, 0);
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFlush = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(stoppingToken);

                // At most one update per window: the first vote after a quiet spell goes out at
                // once; during a storm every vote that arrives within the window rides on the next.
                var wait = lastFlush + options.Value.Window - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stoppingToken);
                }

                lastFlush = clock.GetUtcNow();
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not publish vote totals; the next window tries again");
            }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var eventId in _changed.Keys)
        {
            if (!_changed.TryRemove(eventId, out var questions) || questions.IsEmpty)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new PublishVoteTotals.Command(eventId, [.. questions.Keys]), cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Put them back for the next window rather than lose a total.
                foreach (var questionId in questions.Keys)
                {
                    Changed(eventId, questionId);
                }

                throw;
            }
        }
    }
}
