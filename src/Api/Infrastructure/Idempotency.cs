using System.Text.Json;
using CommunityOfPractice.Api.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>A write that was already done for this member and key, with what it answered.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public required Guid MemberId { get; init; }
    public required string Key { get; init; }
    public string? Response { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Runs a write at most once per (member, Idempotency-Key), inside the caller's transaction.
/// The key is claimed first with INSERT … ON CONFLICT DO NOTHING: a concurrent request with the
/// same key waits on that row, then finds it taken and answers the stored result.
/// </summary>
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
