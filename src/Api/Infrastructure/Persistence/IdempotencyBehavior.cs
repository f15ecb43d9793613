using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityOfPractice.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Infrastructure.Persistence;

/// <summary>A write that was already done for this member and key, with what it answered.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = ApiHeaders.IdempotencyKeyMaxLength;

    /// <summary>How long a key holds its answer; after that the key may be used afresh.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public required Guid MemberId { get; init; }
    public required string Key { get; init; }

    /// <summary>The command the key was used for, and a hash of what it asked: a key answers only the same request again.</summary>
    public string Operation { get; init; } = string.Empty;

    public string Fingerprint { get; init; } = string.Empty;

    public string? Response { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Runs an <see cref="IIdempotent"/> command at most once per (member, Idempotency-Key), inside
/// its transaction. The key is claimed first with INSERT … ON CONFLICT DO NOTHING: a concurrent
/// request with the same key waits on that row, then finds it taken and answers the stored result.
/// A key is bound to its command and to what it asked: sent again with another request, it is a
/// 422 on the header, not someone else's answer. Keys last <see cref="IdempotencyRecord.Lifetime"/>;
/// a member's older ones are dropped as they send new ones.
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
        var now = clock.GetUtcNow();
        var operation = typeof(TMessage).FullName ?? typeof(TMessage).Name;
        var fingerprint = Fingerprint(message);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_records WHERE member_id = {memberId} AND created_at < {now - IdempotencyRecord.Lifetime}", cancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (member_id, key, operation, fingerprint, created_at)
            VALUES ({memberId}, {key}, {operation}, {fingerprint}, {now})
            ON CONFLICT (member_id, key) DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
                .Where(r => r.MemberId == memberId && r.Key == key).SingleAsync(cancellationToken);
            // (A record from before keys were bound has no operation: it answers as it always did.)
            var bound = stored.Operation.Length > 0;
            if ((bound && (stored.Operation != operation || stored.Fingerprint != fingerprint)) || stored.Response is null)
            {
                throw new UnprocessableException(JsonNamingPolicy.CamelCase.ConvertName(nameof(IIdempotent.IdempotencyKey)),
                    "This Idempotency-Key was already used for a different request. Send a new key with each new request, and the same key only to retry the same one.");
            }

            return JsonSerializer.Deserialize<TResponse>(stored.Response, json.Value.SerializerOptions)!;
        }

        var response = await next(message, cancellationToken);
        var serialized = JsonSerializer.Serialize(response, json.Value.SerializerOptions);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET response = {serialized}::jsonb WHERE member_id = {memberId} AND key = {key}", cancellationToken);
        return response;
    }

    /// <summary>A hash of what the command asks, without who asks or the key itself.</summary>
    private string Fingerprint(TMessage message)
    {
        var body = JsonSerializer.SerializeToNode(message, message.GetType(), json.Value.SerializerOptions)?.AsObject() ?? [];
        foreach (var name in body.Select(p => p.Key).Where(k =>
            string.Equals(k, nameof(IIdempotent.Caller), StringComparison.OrdinalIgnoreCase)
            || string.Equals(k, nameof(IIdempotent.IdempotencyKey), StringComparison.OrdinalIgnoreCase)).ToList())
        {
            body.Remove(name);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));
    }
}
