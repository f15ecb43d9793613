using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommunityOfPractice.Api.Live;

/// <summary>How many read a stream across every Api instance (the "5 reading" of a page).</summary>
public interface IPresenceTotals
{
    /// <summary>True when other instances share the totals: each instance then tells only its own readers.</summary>
    bool IsShared { get; }

    /// <summary>How often this instance must renew its counts before they expire; null when they cannot expire.</summary>
    TimeSpan? RenewEvery { get; }

    /// <summary>Records how many read the stream on this instance (0: none any more) and answers the total.</summary>
    Task<int> SetAsync(string stream, int countHere, CancellationToken cancellationToken);

    /// <summary>The streams whose total another instance changed since the last call.</summary>
    IReadOnlyCollection<string> TakeAnnounced();
}

/// <summary>One instance: the total is the count here.</summary>
public sealed class LocalPresenceTotals : IPresenceTotals
{
    public bool IsShared => false;

    public TimeSpan? RenewEvery => null;

    public Task<int> SetAsync(string stream, int countHere, CancellationToken cancellationToken) => Task.FromResult(countHere);

    public IReadOnlyCollection<string> TakeAnnounced() => [];
}

/// <summary>
/// Several instances: each stream has, in Redis, a hash of instance → its readers' count and a
/// sorted set of instance → when that count expires (Redis 7.0 has no expiry per hash field).
/// One script sets this instance's count, drops the counts that expired (an instance that died
/// stops renewing: its readers are gone within <see cref="LiveOptions.PresenceTtl"/>) and sums the
/// rest, atomically, with Redis's clock so that the instances' clocks need not agree. When that
/// changed anything, it publishes the stream's name, so the other instances read the new total
/// and tell their readers within a tick.
/// </summary>
public sealed class RedisPresenceTotals : IPresenceTotals
{
    public const string Channel = "cop:presence";

    // KEYS[1] counts (hash), KEYS[2] expiries (zset); ARGV: instance, count here, ttl ms, channel, stream.
    private const string SetScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local ttl = tonumber(ARGV[3])
        local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
        for _, instance in ipairs(expired) do redis.call('HDEL', KEYS[1], instance) end
        if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now) end
        local count = tonumber(ARGV[2])
        local before = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
        if count > 0 then
          redis.call('HSET', KEYS[1], ARGV[1], count)
          redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
        else
          redis.call('HDEL', KEYS[1], ARGV[1])
          redis.call('ZREM', KEYS[2], ARGV[1])
        end
        local total = 0
        for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
        if total > 0 then
          redis.call('PEXPIRE', KEYS[1], ttl)
          redis.call('PEXPIRE', KEYS[2], ttl)
        end
        if #expired > 0 or before ~= count then
          redis.call('PUBLISH', ARGV[4], ARGV[1] .. ' ' .. ARGV[5])
        end
        return total
        """;

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, byte> _announced = new(StringComparer.Ordinal);
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly TimeSpan _ttl;

    public RedisPresenceTotals(LiveRedis redis, IOptions<LiveOptions> options)
    {
        _ttl = options.Value.PresenceTtl;
        _redis = new(() => SubscribeAsync(redis));
    }

    public bool IsShared => true;

    // Three renewals per expiry: one lost to a blip does not make anyone vanish.
    public TimeSpan? RenewEvery => _ttl / 3;

    public async Task<int> SetAsync(string stream, int countHere, CancellationToken cancellationToken)
    {
        var redis = await _redis.Value.WaitAsync(cancellationToken);
        // {stream} is a hash tag: both keys land on one slot of a Redis Cluster, as a script needs.
        var key = $"cop:presence:{{{stream}}}";
        var total = await redis.GetDatabase().ScriptEvaluateAsync(
            SetScript,
            new RedisKey[] { key, key + ":until" },
            new RedisValue[] { _instance, countHere, (long)_ttl.TotalMilliseconds, Channel, stream }).WaitAsync(cancellationToken);
        return (int)total;
    }

    public IReadOnlyCollection<string> TakeAnnounced()
    {
        if (_announced.IsEmpty)
        {
            return [];
        }

        var streams = new List<string>();
        foreach (var stream in _announced.Keys)
        {
            if (_announced.TryRemove(stream, out _))
            {
                streams.Add(stream);
            }
        }

        return streams;
    }

    private async Task<ConnectionMultiplexer> SubscribeAsync(LiveRedis connection)
    {
        var redis = await connection.ConnectionAsync();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Channel), (_, message) =>
        {
            // "instance stream"; this instance's own announcements it already acted on.
            var text = (string?)message;
            var space = text?.IndexOf(' ') ?? -1;
            if (space > 0 && !text.AsSpan(0, space).SequenceEqual(_instance))
            {
                _announced.TryAdd(text![(space + 1)..], 0);
            }
        });
        return redis;
    }
}
