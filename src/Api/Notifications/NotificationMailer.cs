using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Infrastructure.Mail;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// Turns notifications that wait for an email into outbox messages, each in one transaction that
/// also marks them emailed, so each is told by email once. Two paths:
/// <list type="bullet">
/// <item>At once: a member's waiting notifications about one thing (<see cref="Notification.GroupKey"/>)
/// go in one email; after it, that thing waits out <see cref="NotificationOptions.EmailWindow"/>, and
/// what arrived meanwhile goes in the next. A flood of replies gives one email per window.</item>
/// <item>Digests: at each period's start, one email with what the member chose to read daily (or
/// weekly) and has not read yet; none when there is nothing to say.</item>
/// </list>
/// What the member has read under the bell before its email went is not emailed.
/// </summary>
public sealed class NotificationMailer(
    IServiceScopeFactory scopes, NotificationMailSignal signal, NotificationLinks links, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<NotificationMailer> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int GroupsPerTransaction = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Notification emails could not be queued; trying again shortly");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Queues every email that is due now; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var now = clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var since = now - options.Value.EmailWindow;
            var groups = await db.Database.SqlQuery<Due>($"""
                SELECT n.member_id, COALESCE(n.group_key, n.id::text) AS key, n.group_key IS NOT NULL AS windowed
                FROM notifications n
                LEFT JOIN notification_email_log l ON l.member_id = n.member_id AND l.group_key = n.group_key
                WHERE n.delivery = 'Email' AND n.emailed_at IS NULL AND (l.sent_at IS NULL OR l.sent_at <= {since})
                GROUP BY 1, 2, 3 LIMIT {BatchSize}
                """).ToListAsync(cancellationToken);
            foreach (var chunk in groups.Chunk(GroupsPerTransaction))
            {
                queued += await SendAtOnceAsync(chunk, cancellationToken);
            }
        }

        foreach (var delivery in (NotificationDelivery[])[NotificationDelivery.Daily, NotificationDelivery.Weekly])
        {
            var start = DigestSchedule.PeriodStart(delivery, now, options.Value);
            List<Guid> members;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var name = delivery.ToString();
                members = await db.Database.SqlQuery<Guid>($"""
                    SELECT DISTINCT n.member_id AS "Value"
                    FROM notifications n
                    LEFT JOIN notification_digests d ON d.member_id = n.member_id AND d.delivery = n.delivery
                    WHERE n.delivery = {name} AND n.emailed_at IS NULL AND n.created_at < {start}
                      AND (d.period_start IS NULL OR d.period_start < {start})
                    LIMIT {BatchSize}
                    """).ToListAsync(cancellationToken);
            }

            foreach (var member in members)
            {
                queued += await SendDigestAsync(member, delivery, start, cancellationToken) ? 1 : 0;
            }
        }

        return queued;
    }

    /// <summary>
    /// The at-once emails of some (member, thing) groups, in one transaction and a handful of
    /// statements however many groups: a thread's first reply to a thousand followers is a
    /// thousand emails, and one transaction each would cost the replies arriving meanwhile.
    /// </summary>
    private Task<int> SendAtOnceAsync(Due[] groups, CancellationToken cancellationToken) =>
        InTransactionAsync(async (db, outbox) =>
        {
            var now = clock.GetUtcNow();
            var since = now - options.Value.EmailWindow;

            // A thing's log row is its lock: two instances cannot both open a window for it. A
            // group another instance holds is skipped (that instance sends it); one whose window is
            // still open waits for it to end.
            var (members, keys) = Pairs(groups.Where(g => g.Windowed));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notification_email_log (member_id, group_key, sent_at)
                SELECT m, k, '-infinity' FROM unnest({members}, {keys}) AS t(m, k)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            var open = await db.Database.SqlQuery<Due>($"""
                SELECT member_id, group_key AS key, TRUE AS windowed FROM notification_email_log
                WHERE (member_id, group_key) IN (SELECT m, k FROM unnest({members}, {keys}) AS t(m, k)) AND sent_at <= {since}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            var (sendingMembers, sendingKeys) = Pairs(open.Concat(groups.Where(g => !g.Windowed)));
            var waiting = await db.Set<Notification>()
                .FromSql($"""
                    SELECT * FROM notifications
                    WHERE (member_id, COALESCE(group_key, id::text)) IN (SELECT m, k FROM unnest({sendingMembers}, {sendingKeys}) AS t(m, k))
                      AND delivery = 'Email' AND emailed_at IS NULL
                    ORDER BY created_at FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().ToListAsync(cancellationToken);
            var sent = await QueueAsync(db, outbox, waiting,
                n => new Due(n.MemberId, n.GroupKey ?? n.Id.ToString(), n.GroupKey is not null), NotificationEmails.AtOnce, now, cancellationToken);

            var (windowMembers, windowKeys) = Pairs(sent.Where(g => g.Windowed));
            await db.Database.ExecuteSqlAsync($"""
                UPDATE notification_email_log SET sent_at = {now}
                WHERE (member_id, group_key) IN (SELECT m, k FROM unnest({windowMembers}, {windowKeys}) AS t(m, k))
                """, cancellationToken);
            return sent.Count;
        }, cancellationToken);

    private Task<bool> SendDigestAsync(Guid memberId, NotificationDelivery delivery, DateTimeOffset start, CancellationToken cancellationToken) =>
        InTransactionAsync(async (db, outbox) =>
        {
            var name = delivery.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notification_digests (member_id, delivery, period_start) VALUES ({memberId}, {name}, '-infinity')
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            var last = await db.Database.SqlQuery<DateTimeOffset>($"""
                SELECT period_start AS "Value" FROM notification_digests WHERE member_id = {memberId} AND delivery = {name} FOR UPDATE
                """).SingleAsync(cancellationToken);
            if (last >= start)
            {
                return false; // this period's digest has gone already
            }

            var waiting = await db.Set<Notification>()
                .FromSql($"""
                    SELECT * FROM notifications
                    WHERE member_id = {memberId} AND delivery = {name} AND emailed_at IS NULL AND created_at < {start}
                    ORDER BY created_at
                    """).AsNoTracking().ToListAsync(cancellationToken);
            var sent = await QueueAsync(db, outbox, waiting, n => n.MemberId,
                (items, links) => NotificationEmails.Digest(delivery, items, links), clock.GetUtcNow(), cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE notification_digests SET period_start = {start} WHERE member_id = {memberId} AND delivery = {name}", cancellationToken);
            return sent.Count > 0;
        }, cancellationToken);

    /// <summary>
    /// Marks the notifications emailed and queues one email per group (<paramref name="groupOf"/>)
    /// that has something unread, to members whose address takes mail; returns the groups emailed.
    /// </summary>
    private async Task<List<TGroup>> QueueAsync<TGroup>(
        AppDbContext db, Outbox outbox, List<Notification> waiting, Func<Notification, TGroup> groupOf,
        Func<IReadOnlyList<Notification>, EmailLinks, EmailContent> compose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (waiting.Count == 0)
        {
            return [];
        }

        Guid[] ids = [.. waiting.Select(n => n.Id)];
        await db.Database.ExecuteSqlAsync($"UPDATE notifications SET emailed_at = {now} WHERE id = ANY({ids})", cancellationToken);
        Guid[] told = [.. waiting.Select(n => n.MemberId).Distinct()];
        var addresses = await db.Users.Where(u => told.Contains(u.Id) && u.EmailRefused == null)
            .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        // What the member read under the bell before its email went is not emailed.
        var sent = new List<TGroup>();
        foreach (var group in waiting.GroupBy(groupOf))
        {
            var unread = group.Where(n => !n.IsRead).ToList();
            if (unread.Count > 0 && addresses.GetValueOrDefault(unread[0].MemberId) is { Length: > 0 } email)
            {
                outbox.Add($"notification-{unread[0].Kind}".ToLowerInvariant(), email, compose(unread, links.For(unread[0].MemberId, unread[0].Kind)));
                sent.Add(group.Key);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private static (Guid[] Members, string[] Keys) Pairs(IEnumerable<Due> groups)
    {
        var list = groups.ToList();
        return ([.. list.Select(g => g.MemberId)], [.. list.Select(g => g.Key)]);
    }

    private async Task<T> InTransactionAsync<T>(Func<AppDbContext, Outbox, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(db, outbox);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>A member's waiting news about one thing; <see cref="Windowed"/> when the thing is a group key with an email window (else the key is one notification's id).</summary>
    private sealed record Due(Guid MemberId, string Key, bool Windowed);
}
