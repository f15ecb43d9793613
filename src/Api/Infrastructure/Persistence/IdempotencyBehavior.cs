using System.Text.Json;
using CommunityOfPractice.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Infrastructure.Persistence;

/// <summary>A write that was already done for this member and key, with what it answered.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = ApiHeaders.IdempotencyKeyMaxLength;

    public required Guid MemberId { get; init; }
    public required string Key { get; init; }
    public string? Response { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Runs an <see cref="IIdempotent"/> command at most once per (member, Idempotency-Key), inside
/// its transaction. The key is claimed first with INSERT … ON CONFLICT DO NOTHING: a concurrent
/// request with the same key waits on that row, then finds it taken and answers the stored result.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(AppDbContext db, IOptions<JsonOptions> json, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotent { IdempotencyKey: { Length: > 0 } key } idempotent)
        {
            return await next(message, cancellationToken);
        }

        var memberId = idempotent.Caller.Id;
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (member_id, key, created_at) VALUES ({memberId}, {key}, {clock.GetUtcNow()})
            ON CONFLICT (member_id, key) DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
                .Where(r => r.MemberId == memberId && r.Key == key).Select(r => r.Response).SingleAsync(cancellationToken);
            return JsonSerializer.Deserialize<TResponse>(stored!, json.Value.SerializerOptions)!;
        }

        var response = await next(message, cancellationToken);
        var serialized = JsonSerializer.Serialize(response, json.Value.SerializerOptions);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET response = {serialized}::jsonb WHERE member_id = {memberId} AND key = {key}", cancellationToken);
        return response;
    }
}
