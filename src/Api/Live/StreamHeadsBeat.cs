using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Each interval, tells the readers on this instance of every stream that moved since the last
/// beat where it now ends (<c>heads</c>: <c>{ stream, lastSeq }</c>). A client whose live feed was
/// cut without a sound (the backplane down for a moment, a message lost, and no later event to
/// show the gap) learns within one interval that it is behind, and catches up with Subscribe.
/// A stream that did not move says nothing: its readers already heard its head at the last beat.
/// <para>
/// A beat tells the heads the previous beat read: an event committed just before a read may still
/// be on its way to the readers (more so on a busy machine), and a head that overtook it would
/// send every reader of the stream to the store at once, for nothing, adding load exactly when
/// there is too much. An interval later, a reader still short of that head has lost something. So
/// a silent loss shows within two intervals.
/// </para>
/// </summary>
public sealed class StreamHeadsBeat(
    Presence presence, IHubContext<LiveHub> hub, IServiceScopeFactory scopes, IOptions<LiveOptions> options, TimeProvider clock,
    ILogger<StreamHeadsBeat> logger) : BackgroundService
{
    public const string HeadsMethod = "heads";

    private readonly Dictionary<string, long> _told = new(StringComparer.Ordinal);
    private Dictionary<string, long> _read = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeadsInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not tell readers where their streams end; trying at the next beat");
            }
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var read = presence.Streams();
        if (read.Count == 0)
        {
            _told.Clear();
            _read.Clear();
            return;
        }

        foreach (var (name, lastSeq) in _read)
        {
            if (!read.Contains(name) || (_told.TryGetValue(name, out var told) && told == lastSeq))
            {
                continue;
            }

            _told[name] = lastSeq;
            // These readers are this instance's own; the beat must work best exactly when the backplane does not.
            await hub.TellReadersHereAsync(presence, name, HeadsMethod, new { stream = name, lastSeq }, logger, cancellationToken);
        }

        foreach (var gone in _told.Keys.Where(name => !read.Contains(name)).ToList())
        {
            _told.Remove(gone);
        }

        // What the next beat tells.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = read.ToList();
        _read = await db.Set<StreamCounter>().AsNoTracking().Where(s => names.Contains(s.Name))
            .ToDictionaryAsync(s => s.Name, s => s.LastSeq, StringComparer.Ordinal, cancellationToken);
    }
}
