using System.Text.Json;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// Turns each queued <see cref="NotificationJob"/> into its recipients' notifications. One pass is
/// one transaction, holding its jobs' rows (FOR UPDATE SKIP LOCKED, so instances share the queue):
/// the notifications, the unread counters, the "member:{id}" stream events and the jobs' deletion
/// commit together or not at all, so a crash repeats a pass whole and nothing twice. After
/// commit the stream events go to the members' open pages and the mailer is woken for the emails.
/// <para>
/// News about one thing (a <see cref="NotificationJob.GroupKey"/>, a busy thread) waits
/// <see cref="NotificationOptions.GatherFor"/>, and then every job about that thing goes in one
/// pass; a member who has not read what they were told about it has that notification counted
/// up ("5 new replies in …") rather than a new one, which needs no counter and no stream event.
/// So a thread with a thousand followers and twenty replies a second costs a thousand row
/// updates every couple of seconds, not twenty thousand rows a second.
/// </para>
/// </summary>
public sealed class NotificationFanOut(
    IServiceScopeFactory scopes, NotificationSignal signal, NotificationMailSignal mail, IHubContext<LiveHub> hub,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationFanOut> logger) : BackgroundService
{
    private const int MaxJobsPerPass = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var gathering = TimeSpan.Zero;
            try
            {
                while (await FanOutNextAsync(stoppingToken))
                {
                }

                gathering = await UntilNextGatheredAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A notification job could not be fanned out; trying again shortly");
            }

            try
            {
                // While news gathers, sleep until it is due (news queued meanwhile waits with it);
                // otherwise until a job is queued here, or a poll finds one queued elsewhere.
                if (gathering > TimeSpan.Zero)
                {
                    await Task.Delay(Min(gathering, options.Value.PollInterval), clock, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Fans out the oldest job that is due, with the jobs gathered with it; returns whether there was one.</summary>
    public async Task<bool> FanOutNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<StreamEvent> sent = [];
        var told = false;
        var found = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            sent = [];
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var dueBefore = now - options.Value.GatherFor;
            var job = await db.Set<NotificationJob>()
                .FromSql($"""
                    SELECT * FROM notification_jobs WHERE group_key IS NULL OR created_at <= {dueBefore}
                    ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return false;
            }

            Guid[] jobs = [job.Id];
            if (job.GroupKey is { } key)
            {
                // One pass at a time per thing, so two instances never both find no unread
                // notification and both add one; then every job about it that no other pass holds.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
                var kind = job.Kind.ToString();
                var audience = job.Audience.ToString();
                var more = await db.Database.SqlQuery<Guid>($"""
                    SELECT id AS "Value" FROM notification_jobs
                    WHERE group_key = {key} AND kind = {kind} AND audience = {audience} AND id <> {job.Id}
                    ORDER BY created_at, id LIMIT {MaxJobsPerPass - 1} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
                jobs = [job.Id, .. more];
            }

            var rows = await db.Database.SqlQuery<Written>(FanOut(job, jobs, now)).ToListAsync(cancellationToken);
            told = rows.Count > 0;
            sent = [.. rows.Where(r => r.Stream is not null)
                .Select(r => new StreamEvent(r.Stream!, r.Seq, MemberStreamEvents.Added, JsonDocument.Parse(r.Data!).RootElement))];
            await db.Database.ExecuteSqlAsync($"DELETE FROM notification_jobs WHERE id = ANY({jobs})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

        if (told)
        {
            mail.Wake();
        }

        foreach (var streamEvent in sent)
        {
            try
            {
                await hub.Clients.Group(streamEvent.Stream).SendAsync(LiveHub.EventMethod, streamEvent, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not send {Stream} #{Seq}; the page will catch up", streamEvent.Stream, streamEvent.Seq);
            }
        }

        return found;
    }

    /// <summary>How long until the oldest news still gathering is due; zero when none gathers.</summary>
    private async Task<TimeSpan> UntilNextGatheredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var oldest = await db.Database.SqlQuery<DateTimeOffset?>(
            $"SELECT min(created_at) AS \"Value\" FROM notification_jobs WHERE group_key IS NOT NULL").SingleAsync(cancellationToken);
        if (oldest is not { } at)
        {
            return TimeSpan.Zero;
        }

        var until = at + options.Value.GatherFor - clock.GetUtcNow();
        return until > TimeSpan.Zero ? until : TimeSpan.FromMilliseconds(50);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// One statement for a pass. Per recipient of the pass's jobs (those named, and a thread's
    /// followers as they are now who have not read that far yet, less those excepted): how many of the
    /// jobs tell them, and the words of the newest of those. Then, for those who still may be told and
    /// have not turned the kind off: an unread notification about the same thing is counted up (and
    /// takes the member's choice as it is now, so what they turned to in-app since is not emailed); for
    /// everyone else a notification is added, with its unread counter, its stream number (both taken in
    /// member order, so two passes for the same people lock the same rows in the same order) and its
    /// stream event. The rows returned are the stream events, and one row without a stream that counts
    /// the notifications counted up (the bell's count has not moved for those).
    /// </summary>
    private static FormattableString FanOut(NotificationJob job, Guid[] jobs, DateTimeOffset now)
    {
        var kind = job.Kind.ToString();
        var fallback = NotificationDefaults.For(job.Kind).ToString();
        var anyAccount = job.Audience == NotificationAudience.Accounts;
        return $"""
            WITH jobs AS MATERIALIZED (
                SELECT j.*, row_number() OVER (ORDER BY j.created_at, j.id) AS ord
                FROM notification_jobs j WHERE j.id = ANY({jobs})
            ),
            counts AS (
                SELECT r.id AS member_id, count(*)::int AS n, max(j.ord) AS latest
                FROM jobs j CROSS JOIN LATERAL (
                    SELECT unnest(j.recipients) AS id
                    UNION
                    SELECT tr.member_id FROM thread_readers tr
                    WHERE j.thread_followers_of IS NOT NULL AND tr.thread_id = j.thread_followers_of AND tr.is_following
                      AND tr.last_read_number < j.thread_post_number
                ) AS r
                WHERE r.id <> ALL (j.excluded)
                GROUP BY r.id
            ),
            named AS (
                SELECT c.member_id, c.n, j.title, j.counted_title, j.text, j.link, j.calendar, j.group_key
                FROM counts c JOIN jobs j ON j.ord = c.latest
            ),
            chosen AS (
                SELECT named.*, COALESCE(p.delivery, {fallback}) AS delivery
                FROM named
                JOIN users u ON u.id = named.member_id
                LEFT JOIN notification_preferences p ON p.member_id = named.member_id AND p.kind = {kind}
                WHERE COALESCE(p.delivery, {fallback}) <> 'Off' AND ({anyAccount} OR EXISTS (
                    SELECT 1 FROM user_roles ur JOIN roles ro ON ro.id = ur.role_id
                    WHERE ur.user_id = named.member_id AND ro.name = {Roles.Member}))
            ),
            counted_up AS (
                UPDATE notifications x
                SET count = x.count + c.n,
                    title = (x.count + c.n)::text || COALESCE(c.counted_title, ' more: ' || c.title),
                    text = c.text, link = c.link, calendar = COALESCE(c.calendar, x.calendar),
                    delivery = c.delivery, created_at = {now}, emailed_at = NULL
                FROM chosen c
                WHERE x.member_id = c.member_id AND x.group_key = c.group_key AND x.read_at IS NULL
                RETURNING x.member_id
            ),
            added AS (
                INSERT INTO notifications (id, member_id, kind, title, text, link, group_key, calendar, delivery, count, created_at)
                SELECT gen_random_uuid(), member_id, {kind},
                       CASE WHEN n = 1 THEN title ELSE n::text || COALESCE(counted_title, ' more: ' || title) END,
                       text, link, group_key, calendar, delivery, n, {now}
                FROM chosen WHERE member_id NOT IN (SELECT member_id FROM counted_up) ORDER BY member_id
                RETURNING id, member_id, title, text, link
            ),
            inboxes AS (
                INSERT INTO notification_inboxes (member_id, unread)
                SELECT member_id, 1 FROM added ORDER BY member_id
                ON CONFLICT (member_id) DO UPDATE SET unread = notification_inboxes.unread + 1
                RETURNING member_id, unread
            ),
            numbered AS (
                INSERT INTO streams (name, last_seq)
                SELECT 'member:' || member_id, 1 FROM added ORDER BY member_id
                ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
                RETURNING name, last_seq
            ),
            events AS (
                INSERT INTO stream_events (stream, seq, kind, data, occurred_at)
                SELECT n.name, n.last_seq, {MemberStreamEvents.Added},
                       jsonb_build_object(
                           'notification', jsonb_build_object(
                               'id', a.id, 'kind', {kind}, 'title', a.title, 'text', a.text, 'link', a.link,
                               'createdAt', {now}, 'isRead', false),
                           'unread', i.unread),
                       {now}
                FROM added a
                JOIN inboxes i ON i.member_id = a.member_id
                JOIN numbered n ON n.name = 'member:' || a.member_id
                RETURNING stream, seq, data::text AS data
            )
            SELECT stream, seq, data FROM events
            UNION ALL
            SELECT NULL, count(*), NULL FROM counted_up HAVING count(*) > 0
            """;
    }

    private sealed record Written(string? Stream, long Seq, string? Data);
}
