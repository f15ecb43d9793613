using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Live;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// One transaction around a write, retried whole by the execution strategy on transient
/// PostgreSQL failures (safe: writes that matter carry an idempotency key). Live events the
/// write appended are sent after commit by LivePublishingBehavior.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, LiveStreams live)
{
    public Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            live.Discard();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await write();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
