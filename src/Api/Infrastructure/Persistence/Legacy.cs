using System.Text.Json;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Live;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Infrastructure.Persistence;

// TEMPORARY, while the areas move to ITransactional / IIdempotent: deleted when no handler uses them.

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

public sealed class Idempotency(AppDbContext db, IOptions<JsonOptions> json, TimeProvider clock)
{
    public async Task<(T Result, bool Replayed)> RunAsync<T>(
        Guid memberId, string? key, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (await write(), false);
        }

        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (member_id, key, created_at) VALUES ({memberId}, {key}, {clock.GetUtcNow()})
            ON CONFLICT (member_id, key) DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
                .Where(r => r.MemberId == memberId && r.Key == key).Select(r => r.Response).SingleAsync(cancellationToken);
            return (JsonSerializer.Deserialize<T>(stored!, json.Value.SerializerOptions)!, true);
        }

        var result = await write();
        var response = JsonSerializer.Serialize(result, json.Value.SerializerOptions);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET response = {response}::jsonb WHERE member_id = {memberId} AND key = {key}", cancellationToken);
        return (result, false);
    }
}
