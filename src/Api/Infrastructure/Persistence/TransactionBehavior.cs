namespace CommunityOfPractice.Api.Infrastructure.Persistence;

/// <summary>
/// One transaction around an <see cref="ITransactional"/> command, retried whole by the execution
/// strategy on transient PostgreSQL failures (safe: writes that matter carry an idempotency key,
/// and a retry starts from a clean change tracker with nothing pending to send). Live events the
/// handler appended are sent after commit by <see cref="LivePublishingBehavior{TMessage,TResponse}"/>,
/// which runs outside this one.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(AppDbContext db, LiveStreams live)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // A command sent from inside another one's transaction joins it.
        if (message is not ITransactional || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            live.Discard();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        });
    }
}
