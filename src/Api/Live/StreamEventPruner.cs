using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Keeps the stream log from growing for ever: every <see cref="LiveOptions.PruneInterval"/> it
/// deletes events older than <see cref="LiveOptions.Retention"/>, in batches, except the last event
/// of each stream (a page learns a stream's head, and the bell its count, from it). A client that
/// asks to catch up from before what is left is told to reset (see LiveHub.Subscribe), as one too
/// far behind already is.
/// </summary>
public sealed class StreamEventPruner(
    IServiceScopeFactory scopes, IOptions<LiveOptions> options, TimeProvider clock, ILogger<StreamEventPruner> logger) : BackgroundService
{
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} stream events older than {Retention}", pruned, options.Value.Retention);
                }

                await Task.Delay(options.Value.PruneInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Old stream events could not be pruned; trying again later");
                await Task.Delay(options.Value.PruneInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Deletes what is past retention, a batch per transaction; returns how many events went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM stream_events WHERE ctid IN (
                    SELECT e.ctid FROM stream_events e JOIN streams s ON s.name = e.stream
                    WHERE e.occurred_at < {cutoff} AND e.seq < s.last_seq
                    LIMIT {BatchSize})
                """, cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
