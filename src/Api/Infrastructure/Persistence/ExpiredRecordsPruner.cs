using OpenIddict.Abstractions;

namespace CommunityOfPractice.Api.Infrastructure.Persistence;

/// <summary>
/// Hourly, drops what no longer answers anything: idempotency keys past their
/// <see cref="IdempotencyRecord.Lifetime"/> (a member's own are also dropped as they send new
/// ones; this catches members who stopped writing), and OpenIddict's tokens and sessions that
/// expired or were revoked more than <see cref="TokenGrace"/> ago (every access token is stored,
/// so that a revoked one can be refused; without this the table only grows).
/// </summary>
public sealed class ExpiredRecordsPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredRecordsPruner> logger) : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromHours(1);

    /// <summary>Kept past their end this long: a refresh token reused after rotation is still recognised as such.</summary>
    public static readonly TimeSpan TokenGrace = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (keys, tokens, sessions) = await PruneAsync(stoppingToken);
                if (keys + tokens + sessions > 0)
                {
                    logger.LogInformation("Pruned {Keys} idempotency keys, {Tokens} tokens and {Sessions} sessions", keys, tokens, sessions);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Expired records could not be pruned; trying again later");
            }

            try
            {
                await Task.Delay(_interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<(int IdempotencyKeys, long Tokens, long Sessions)> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = clock.GetUtcNow();
        var keys = await services.GetRequiredService<AppDbContext>().Set<IdempotencyRecord>()
            .Where(r => r.CreatedAt < now - IdempotencyRecord.Lifetime).ExecuteDeleteAsync(cancellationToken);
        var tokens = await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(now - TokenGrace, cancellationToken);
        var sessions = await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(now - TokenGrace, cancellationToken);
        return (keys, tokens, sessions);
    }
}
