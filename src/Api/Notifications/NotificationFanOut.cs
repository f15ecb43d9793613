using System.Text.Json;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// Turns each queued <see cref="NotificationJob"/> into its recipients' notifications. One job is
/// one transaction, holding the job's row (FOR UPDATE SKIP LOCKED, so instances share the queue):
/// the notifications, the unread counters, the "member:{id}" stream events and the job's deletion
/// commit together or not at all, so a crash repeats a job whole and nothing twice. After
/// commit the stream events go to the members' open pages and the mailer is woken for the emails.
/// The whole fan-out of a job is three statements, however many recipients it has.
/// </summary>
public sealed class NotificationFanOut(
    IServiceScopeFactory scopes, NotificationSignal signal, NotificationMailSignal mail, IHubContext<LiveHub> hub,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationFanOut> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await FanOutNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A notification job could not be fanned out; trying again shortly");
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

    /// <summary>Fans out the oldest waiting job, if there is one; returns whether there was.</summary>
    public async Task<bool> FanOutNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<StreamEvent> sent = [];
        var found = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            sent = [];
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var job = await db.Set<NotificationJob>()
                .FromSql($"SELECT * FROM notification_jobs ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var rows = await db.Database.SqlQuery<Written>(Insert(job, now)).ToListAsync(cancellationToken);
            sent = [.. rows.Select(r => new StreamEvent(r.Stream, r.Seq, MemberStreamEvents.Added, JsonDocument.Parse(r.Data).RootElement))];
            await db.Database.ExecuteSqlAsync($"DELETE FROM notification_jobs WHERE id = {job.Id}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

        if (sent.Count > 0)
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

    /// <summary>
    /// One statement: the recipients who still may be told and have not turned the kind off, their
    /// notifications, their unread counters and stream numbers (taken in member order, so two jobs
    /// for the same people lock the same rows in the same order), and the stream events.
    /// </summary>
    private static FormattableString Insert(NotificationJob job, DateTimeOffset now)
    {
        var kind = job.Kind.ToString();
        var fallback = NotificationDefaults.For(job.Kind).ToString();
        var anyAccount = job.Audience == NotificationAudience.Accounts;
        return $"""
            WITH chosen AS (
                SELECT r.id AS member_id, COALESCE(p.delivery, {fallback}) AS delivery
                FROM unnest({job.Recipients}) AS r(id)
                JOIN users u ON u.id = r.id
                LEFT JOIN notification_preferences p ON p.member_id = r.id AND p.kind = {kind}
                WHERE {anyAccount} OR EXISTS (
                    SELECT 1 FROM user_roles ur JOIN roles ro ON ro.id = ur.role_id
                    WHERE ur.user_id = r.id AND ro.name = {Roles.Member})
            ),
            added AS (
                INSERT INTO notifications (id, member_id, kind, title, text, link, group_key, calendar, delivery, created_at)
                SELECT gen_random_uuid(), member_id, {kind}, {job.Title}, {job.Text}, {job.Link}, {job.GroupKey}, {job.Calendar}, delivery, {now}
                FROM chosen WHERE delivery <> 'Off' ORDER BY member_id
                RETURNING id, member_id
            ),
            counted AS (
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
            )
            INSERT INTO stream_events (stream, seq, kind, data, occurred_at)
            SELECT n.name, n.last_seq, {MemberStreamEvents.Added},
                   jsonb_build_object(
                       'notification', jsonb_build_object(
                           'id', a.id, 'kind', {kind}, 'title', {job.Title}, 'text', {job.Text}, 'link', {job.Link},
                           'createdAt', {now}, 'isRead', false),
                       'unread', c.unread),
                   {now}
            FROM added a
            JOIN counted c ON c.member_id = a.member_id
            JOIN numbered n ON n.name = 'member:' || a.member_id
            RETURNING stream, seq, data::text AS data
            """;
    }

    private sealed record Written(string Stream, long Seq, string Data);
}
