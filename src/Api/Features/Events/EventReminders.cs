using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>How long before an event its reminders go (<c>Events:Reminders:*</c>), and how late one may still go.</summary>
public sealed class EventReminderOptions
{
    public const string Section = "Events:Reminders";

    public List<TimeSpan> Leads { get; set; } = [];

    /// <summary>A reminder whose time passed longer ago than this is not sent (an event published two hours ahead gets the one-hour reminder only).</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<TimeSpan> LeadsOrDefault => Leads.Count > 0 ? Leads : [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];
}

/// <summary>
/// A reminder due at a time (table "event_reminders"): one row per event and lead, written when the
/// event is published and moved in the same transaction as any change of its time, so a moved
/// event reminds at its new time and never at the old one; a cancelled event's rows are deleted.
/// </summary>
public sealed class EventReminder
{
    public Guid EventId { get; private set; }
    public int LeadMinutes { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
}

internal static class EventReminders
{
    /// <summary>
    /// Sets each lead's due time from the event's start. A reminder already sent becomes due again
    /// when the event moved so that its new time is still to come.
    /// </summary>
    public static async Task ScheduleAsync(
        AppDbContext db, CommunityEvent e, EventReminderOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var lead in options.LeadsOrDefault)
        {
            var minutes = (int)lead.TotalMinutes;
            var due = e.StartsAt - lead;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO event_reminders (event_id, lead_minutes, due_at) VALUES ({e.Id}, {minutes}, {due})
                ON CONFLICT (event_id, lead_minutes) DO UPDATE SET due_at = EXCLUDED.due_at,
                    sent_at = CASE WHEN EXCLUDED.due_at > {now} THEN NULL ELSE event_reminders.sent_at END
                """, cancellationToken);
        }
    }

    /// <summary>
    /// Brings the table in line with the configured leads, once at start: every published event
    /// still to come gets a row per lead it lacks (events published before reminders existed, or
    /// before a lead was added), and unsent rows of a lead no longer configured go. Idempotent, so
    /// every instance may run it.
    /// </summary>
    public static Task<int> ReconcileAsync(AppDbContext db, EventReminderOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = options.LeadsOrDefault.Select(l => (int)l.TotalMinutes).ToArray();
        var seconds = options.LeadsOrDefault.Select(l => l.TotalSeconds).ToArray();
        var published = EventStatus.Published.ToString();
        return db.Database.ExecuteSqlAsync($"""
            WITH stale AS (
                DELETE FROM event_reminders WHERE sent_at IS NULL AND lead_minutes <> ALL ({leads})
            )
            INSERT INTO event_reminders (event_id, lead_minutes, due_at)
            SELECT e.id, l.minutes, e.starts_at - make_interval(secs => l.seconds)
            FROM events e CROSS JOIN unnest({leads}, {seconds}) AS l(minutes, seconds)
            WHERE e.status = {published} AND e.starts_at > {now}
            ON CONFLICT (event_id, lead_minutes) DO NOTHING
            """, cancellationToken);
    }

    public static Task CancelAsync(AppDbContext db, Guid eventId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM event_reminders WHERE event_id = {eventId}", cancellationToken);
}

/// <summary>
/// Sends due reminders. Each is claimed FOR UPDATE SKIP LOCKED in a transaction that also writes
/// its notification job and marks it sent, so a restart neither loses nor repeats one, and an edit
/// that moves the event waits for a claim in progress and then moves the row. Reminders go to the
/// people with a seat, with the online link.
/// </summary>
public sealed class EventReminderWorker(
    IServiceScopeFactory scopes, IOptions<EventReminderOptions> options, IConfiguration configuration, TimeProvider clock,
    ILogger<EventReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var reconciled = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!reconciled)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var added = await EventReminders.ReconcileAsync(
                        scope.ServiceProvider.GetRequiredService<AppDbContext>(), options.Value, clock.GetUtcNow(), stoppingToken);
                    reconciled = true;
                    if (added > 0)
                    {
                        logger.LogInformation("Scheduled {Count} missing event reminders", added);
                    }
                }

                while (await SendNextAsync(stoppingToken))
                {
                }

                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Event reminders could not be sent; trying again shortly");
            }
        }
    }

    /// <summary>Sends the oldest due reminder, if there is one; returns whether there was.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var oldest = now - options.Value.Grace;
            var due = await db.Set<EventReminder>()
                .FromSql($"""
                    SELECT * FROM event_reminders WHERE sent_at IS NULL AND due_at <= {now} AND due_at > {oldest}
                    ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (due is null)
            {
                return false;
            }

            var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == due.EventId, cancellationToken);
            if (e.Status == EventStatus.Published && e.StartsAt > now)
            {
                var seated = await db.Registrations.AsNoTracking()
                    .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered)
                    .Select(r => r.MemberId).ToListAsync(cancellationToken);
                var lead = TimeSpan.FromMinutes(due.LeadMinutes);
                notifier.NotifySeated(e, NotificationKind.EventReminder, seated, $"“{e.Title}” starts {Soon(e.StartsAt - now)}",
                    $"{EventNotifications.When(e)}, {EventNotifications.Where(e)}.", null, configuration);
                await db.SaveChangesAsync(cancellationToken);
            }

            await db.Database.ExecuteSqlAsync(
                $"UPDATE event_reminders SET sent_at = {now} WHERE event_id = {due.EventId} AND lead_minutes = {due.LeadMinutes}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private static string Soon(TimeSpan left) => left.TotalHours switch
    {
        >= 36 => $"in {Math.Round(left.TotalDays):0} days",
        >= 18 => "tomorrow",
        >= 1.5 => $"in {Math.Round(left.TotalHours):0} hours",
        >= 0.75 => "in an hour",
        _ => $"in {Math.Max(1, Math.Round(left.TotalMinutes)):0} minutes",
    };
}
