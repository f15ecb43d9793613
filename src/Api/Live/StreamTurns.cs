using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Keeps a stream's sends in number order across instances. Each instance's
/// <see cref="StreamSequencer"/> sends its own numbers in order; with several instances writing to
/// one stream, number n + 1 may commit on one just after n commits on another, and reach the
/// backplane first. Before sending a run that starts at n, a sender waits its turn: until n − 1
/// has been sent, by whichever instance had it.
/// </summary>
public interface IStreamTurns
{
    /// <summary>Waits until the number before <paramref name="firstSeq"/> has been sent, or until waiting longer would do more harm than a gap.</summary>
    ValueTask WaitForTurnAsync(string stream, long firstSeq);

    /// <summary>Numbers up to <paramref name="lastSeq"/> are sent: the next may go.</summary>
    ValueTask SentAsync(string stream, long lastSeq);
}

/// <summary>One instance: its sequencer's own order is the whole order.</summary>
public sealed class LocalStreamTurns : IStreamTurns
{
    public ValueTask WaitForTurnAsync(string stream, long firstSeq) => ValueTask.CompletedTask;

    public ValueTask SentAsync(string stream, long lastSeq) => ValueTask.CompletedTask;
}

/// <summary>
/// Several instances: the last number sent of each stream is kept in Redis (<c>cop:sent:{stream}</c>,
/// only ever raised). A sender whose run does not follow it polls, briefly, until it does. The wait
/// is bounded by <see cref="LiveOptions.TurnWait"/>: an instance that died between commit and send
/// never takes its turn, and its readers' gap (or the next <c>heads</c> beat) brings the missing
/// number from the store. With Redis unreachable there is no cross-instance delivery to order, so
/// nobody waits.
/// </summary>
public sealed class RedisStreamTurns(LiveRedis connection, IOptions<LiveOptions> options, ILogger<RedisStreamTurns> logger)
    : IStreamTurns
{
    // KEYS[1] the stream's last sent number; ARGV[1] the number just sent, ARGV[2] how long an idle stream's entry lasts (s).
    private const string RaiseScript = """
        local sent = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > sent then sent = tonumber(ARGV[1]) end
        redis.call('SET', KEYS[1], sent, 'EX', tonumber(ARGV[2]))
        return sent
        """;

    // An idle stream's entry goes after a day; the first send after that cannot know its turn and goes at once.
    private static readonly int _keep = (int)TimeSpan.FromDays(1).TotalSeconds;

    private readonly TimeSpan _wait = options.Value.TurnWait;

    public async ValueTask WaitForTurnAsync(string stream, long firstSeq)
    {
        if (firstSeq <= 1 || _wait <= TimeSpan.Zero)
        {
            return;
        }

        var redis = await connection.ConnectionAsync();
        if (!redis.IsConnected)
        {
            return;
        }

        var database = redis.GetDatabase();
        var started = TimeProvider.System.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var sent = await database.StringGetAsync(Key(stream));
            // No entry: a stream idle for a day, or Redis restarted; nothing to wait for.
            if (sent.IsNull || (long)sent >= firstSeq - 1)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= _wait)
            {
                logger.LogInformation("{Stream} #{Seq} waited {Wait} ms for #{Previous} to be sent elsewhere; sending it now",
                    stream, firstSeq, _wait.TotalMilliseconds, firstSeq - 1);
                return;
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(20).Ticks));
        }
    }

    public async ValueTask SentAsync(string stream, long lastSeq)
    {
        var redis = await connection.ConnectionAsync();
        if (redis.IsConnected)
        {
            await redis.GetDatabase().ScriptEvaluateAsync(RaiseScript, [Key(stream)], [lastSeq, _keep]);
        }
    }

    private static RedisKey Key(string stream) => $"cop:sent:{{{stream}}}";
}
