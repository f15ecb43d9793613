using System.Collections.Concurrent;
using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The hub connections open on this Api instance, by member, with what each may read now. A
/// connection starts with the roles of the token it connected with; after a change of access
/// (<see cref="AccessRecheck"/>) it carries the roles read fresh from the database instead.
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Connection>> _byMember = new();

    public bool IsEmpty => _connections.IsEmpty;

    public void Add(HubCallerContext context, Guid memberId)
    {
        var connection = new Connection(context, memberId);
        _connections[context.ConnectionId] = connection;
        _byMember.GetOrAdd(memberId, _ => new(StringComparer.Ordinal))[context.ConnectionId] = connection;
    }

    public void Remove(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection) && _byMember.TryGetValue(connection.MemberId, out var theirs))
        {
            theirs.TryRemove(connectionId, out _);
            if (theirs.IsEmpty)
            {
                _byMember.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, Connection>>(connection.MemberId, theirs));
            }
        }
    }

    /// <summary>Who this connection reads as since its access last changed; null while its token's word stands.</summary>
    public Caller? CallerFor(string connectionId) => _connections.TryGetValue(connectionId, out var connection) ? connection.Caller : null;

    public IReadOnlyList<Connection> Of(Guid memberId) =>
        _byMember.TryGetValue(memberId, out var theirs) ? [.. theirs.Values] : [];

    public sealed class Connection(HubCallerContext context, Guid memberId)
    {
        public HubCallerContext Context { get; } = context;
        public Guid MemberId { get; } = memberId;
        public string Id => Context.ConnectionId;
        public volatile Caller? Caller;
    }
}

/// <summary>
/// Closes what people may no longer read, within seconds of the change. Whatever changes someone's
/// access (a role, a suspension, being taken off an event's co-hosts) marks
/// <see cref="AppUser.AccessChangedAt"/> in its transaction; every Api instance asks each interval
/// whose access changed, and for each of them with connections here, reads their roles afresh,
/// takes each subscription the stream's policy now refuses off its group (telling the client
/// "revoked"), and closes every connection of a suspended or deleted member. Asking the database,
/// rather than passing a message, reaches every instance with nothing else to run, and survives an
/// instance that was restarting when the change happened.
/// </summary>
public sealed class AccessRecheck(
    LiveConnections connections,
    Presence presence,
    IHubContext<LiveHub> hub,
    IServiceScopeFactory scopes,
    IOptions<LiveOptions> options,
    TimeProvider clock,
    ILogger<AccessRecheck> logger) : BackgroundService
{
    public const string RevokedMethod = "revoked";

    // Instances' clocks differ a little; looking back further than one interval costs a re-check that changes nothing.
    private static readonly TimeSpan _overlap = TimeSpan.FromSeconds(5);

    /// <summary>Marks, in the caller's transaction, that these members' access changed.</summary>
    public static async Task MarkChangedAsync(AppDbContext db, IEnumerable<Guid> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            await db.Users.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessChangedAt, now), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkedUpTo = clock.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.AccessRecheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            if (connections.IsEmpty)
            {
                checkedUpTo = now;
                continue;
            }

            try
            {
                await RecheckChangedSinceAsync(checkedUpTo - _overlap, stoppingToken);
                checkedUpTo = now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick asks again from the same point.
                logger.LogWarning(exception, "Could not re-check live access");
            }
        }
    }

    private async Task RecheckChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changed = await db.Users.AsNoTracking().Where(u => u.AccessChangedAt > since).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var memberId in changed)
        {
            if (connections.Of(memberId) is { Count: > 0 } theirs)
            {
                await RecheckAsync(db, scope.ServiceProvider, memberId, theirs, cancellationToken);
            }
        }
    }

    private async Task RecheckAsync(
        AppDbContext db, IServiceProvider services, Guid memberId, IReadOnlyList<LiveConnections.Connection> theirs, CancellationToken cancellationToken)
    {
        var policies = services.GetServices<IStreamPolicy>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == memberId).Select(u => new { u.SuspendedAt }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.SuspendedAt is not null)
        {
            logger.LogInformation("Closing {Count} live connection(s) of a member who is suspended or gone", theirs.Count);
            foreach (var connection in theirs)
            {
                connection.Context.Abort();
            }

            return;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == memberId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var caller = Caller.WithRoles(memberId, roles.Contains);

        var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
        foreach (var connection in theirs)
        {
            // Opened with a token of a session that has ended since (signed out): closed, as the token would be refused now.
            if (connection.Context.User?.GetTokenId() is { Length: > 0 } tokenId
                && (await tokens.FindByIdAsync(tokenId, cancellationToken) is not { } token || !await tokens.HasStatusAsync(token, OpenIddictConstants.Statuses.Valid, cancellationToken)))
            {
                connection.Context.Abort();
                continue;
            }

            connection.Caller = caller;
            foreach (var stream in presence.StreamsOf(connection.Id))
            {
                var separator = stream.IndexOf(':');
                var policy = policies.FirstOrDefault(p => p.Prefix == stream[..separator]);
                if (policy is not null && await policy.AuthorizeAsync(stream[(separator + 1)..], caller, cancellationToken) is not null)
                {
                    continue;
                }

                await hub.Groups.RemoveFromGroupAsync(connection.Id, stream, cancellationToken);
                presence.Leave(stream, connection.Id);
                await hub.Clients.Client(connection.Id).SendAsync(RevokedMethod, new { stream }, cancellationToken);
            }
        }
    }
}
