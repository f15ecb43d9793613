using System.Text.Json.Nodes;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>An Api whose one reminder lead is a week less three seconds: an event a week ahead is reminded of in three seconds.</summary>
public sealed class ReminderApi : ApiFactory
{
    public static readonly TimeSpan Lead = TimeSpan.FromDays(7) - TimeSpan.FromSeconds(3);

    public ReminderApi()
    {
        WithSetting("Events:Reminders:Leads:0", Lead.ToString());
        WithSetting("Events:Reminders:PollInterval", "00:00:00.200");
    }

    public EventReminderWorker Worker => Services.GetServices<IHostedService>().OfType<EventReminderWorker>().Single();
}

/// <summary>
/// Reminders are rows in PostgreSQL: sent once, to the people with a seat (with the online link),
/// never at an old time after the event moved, and not again by another instance after a restart.
/// </summary>
public sealed class ReminderTests(ReminderApi api) : IClassFixture<ReminderApi>
{
    [Fact]
    public async Task A_reminder_goes_once_to_the_seated_with_the_link_and_not_again_after_a_restart()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Reminding Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Reminded Attendee");
        var waiting = await Community.JoinAsync(api.CreateClient, "Unreminded Attendee");
        // Registered while it is a month away, then moved to a week away: its reminder falls due only
        // once both have registered, however slow the machine.
        var request = EventsApi.Draft(new { capacity = 1, startsAt = DateTimeOffset.UtcNow.AddDays(30), endsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(1) });
        var webinar = await CreateAsync(host, request);
        await EventsApi.RegisterAsync(seated.Client, webinar.Id);
        await EventsApi.RegisterAsync(waiting.Client, webinar.Id);
        await MoveAsync(host, webinar.Id, request, dueAt: DateTimeOffset.UtcNow);

        var reminder = Assert.Single((await NotificationsApi.WaitForKindAsync(seated.Client, NotificationKind.EventReminder)).Items,
            n => n.Kind == NotificationKind.EventReminder);
        Assert.Equal($"“{webinar.Title}” starts in 7 days", reminder.Title);
        Assert.Contains("Join online: https://meet.example.org/power-of-place", reminder.Text, StringComparison.Ordinal);
        Assert.False(await api.Worker.SendNextAsync(CancellationToken.None));
        Assert.DoesNotContain((await NotificationsApi.ListAsync(waiting.Client)).Items, n => n.Kind == NotificationKind.EventReminder);

        // Another instance on the same database finds nothing left to send.
        await using var restarted = new ReminderApi().UseDatabase(api.ConnectionString);
        await restarted.InitializeAsync();
        Assert.False(await restarted.Services.GetServices<IHostedService>().OfType<EventReminderWorker>().Single().SendNextAsync(CancellationToken.None));
        Assert.Single((await NotificationsApi.ListAsync(seated.Client)).Items, n => n.Kind == NotificationKind.EventReminder);
    }

    [Fact]
    public async Task An_event_moved_after_its_reminder_was_scheduled_reminds_at_the_new_time_not_the_old()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Moving Host", Contracts.Roles.Host);
        var moved = await Community.JoinAsync(api.CreateClient, "Moved Attendee");
        var control = await Community.JoinAsync(api.CreateClient, "Control Attendee");
        var due = DateTimeOffset.UtcNow + Margin;
        var request = EventsApi.Draft(new { startsAt = due + ReminderApi.Lead, endsAt = due + ReminderApi.Lead + TimeSpan.FromHours(1) });
        var webinar = await CreateAsync(host, request);
        await EventsApi.RegisterAsync(moved.Client, webinar.Id);
        var start = request["startsAt"]!.GetValue<DateTimeOffset>();
        await EditAsync(host, webinar.Id, request, start.AddDays(1));

        // When a reminder due just after the old time has gone, the old time has passed too.
        await ControlReminderAsync(host, control, dueAfter: due);
        Assert.DoesNotContain((await NotificationsApi.ListAsync(moved.Client)).Items, n => n.Kind == NotificationKind.EventReminder);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>()
                .Set<EventReminder>().AsNoTracking().SingleAsync(r => r.EventId == webinar.Id);
            Assert.Null(row.SentAt);
            Assert.Equal(start.AddDays(1) - ReminderApi.Lead, row.DueAt, TimeSpan.FromMilliseconds(1));
        }

        // Moved back to a week from now: its reminder is due again, and goes.
        await MoveAsync(host, webinar.Id, request, dueAt: DateTimeOffset.UtcNow);
        var reminded = await NotificationsApi.WaitForKindAsync(moved.Client, NotificationKind.EventReminder);
        Assert.Single(reminded.Items, n => n.Kind == NotificationKind.EventReminder);
    }

    [Fact]
    public async Task A_cancelled_event_sends_no_reminder()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Cancelling Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Cancelled Attendee");
        var control = await Community.JoinAsync(api.CreateClient, "Reminded Control");
        var due = DateTimeOffset.UtcNow + Margin;
        var webinar = await EventsApi.CreateAsync(host.Client, new { startsAt = due + ReminderApi.Lead, endsAt = due + ReminderApi.Lead + TimeSpan.FromHours(1) });
        await EventsApi.RegisterAsync(seated.Client, webinar.Id);
        using (var cancelled = await host.Client.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/cancel", new { reason = "Nobody can come." }))
        {
            Assert.True(cancelled.IsSuccessStatusCode, cancelled.StatusCode.ToString());
        }

        // When a reminder due just after the cancelled one's time has gone, the cancelled one was due too.
        await ControlReminderAsync(host, control, dueAfter: due);
        var told = await NotificationsApi.WaitForKindAsync(seated.Client, NotificationKind.EventUpdate);
        Assert.DoesNotContain(told.Items, n => n.Kind == NotificationKind.EventReminder);
    }

    [Fact]
    public async Task A_reminder_already_long_past_its_time_is_not_sent_late()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Late Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Late Attendee");
        var control = await Community.JoinAsync(api.CreateClient, "Punctual Attendee");

        // Its reminder was due 31 minutes ago, beyond the 30 minutes' grace: a reminder that late says nothing useful.
        var start = DateTimeOffset.UtcNow + ReminderApi.Lead - TimeSpan.FromMinutes(31);
        var late = await EventsApi.CreateAsync(host.Client, new { startsAt = start, endsAt = start.AddHours(1) });
        await EventsApi.RegisterAsync(seated.Client, late.Id);

        // Due after it: when its reminder has gone, the worker had its chance at the late one.
        await ControlReminderAsync(host, control, dueAfter: DateTimeOffset.UtcNow);
        Assert.DoesNotContain((await NotificationsApi.ListAsync(seated.Client)).Items, n => n.Kind == NotificationKind.EventReminder);
    }

    [Fact]
    public async Task An_event_published_before_reminders_existed_gets_them_when_the_api_starts()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Early Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Early Attendee");
        var start = DateTimeOffset.UtcNow.AddDays(30);
        var early = await EventsApi.CreateAsync(host.Client, new { startsAt = start, endsAt = start.AddHours(1) });
        await EventsApi.RegisterAsync(seated.Client, early.Id);

        // As it was before this table: no rows for it.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>();
            Assert.Equal(1, await db.Set<EventReminder>().Where(r => r.EventId == early.Id).ExecuteDeleteAsync());
        }

        await using var restarted = new ReminderApi().UseDatabase(api.ConnectionString);
        await restarted.InitializeAsync();

        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>()
                .Set<EventReminder>().AsNoTracking().Where(r => r.EventId == early.Id).ToListAsync();
            return rows is [{ SentAt: null } row] && row.LeadMinutes == (int)ReminderApi.Lead.TotalMinutes
                && Math.Abs((row.DueAt - (start - ReminderApi.Lead)).TotalMilliseconds) < 1;
        }, "the missing reminder was scheduled at start");
    }

    /// <summary>Time enough, even on a loaded machine, to register or cancel before a reminder falls due.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Registers <paramref name="control"/> for an event whose reminder falls due just after <paramref name="dueAfter"/>
    /// and waits for that reminder: once it has gone, the worker has passed that time.
    /// </summary>
    private static async Task ControlReminderAsync(TestMember host, TestMember control, DateTimeOffset dueAfter)
    {
        var request = EventsApi.Draft(new { startsAt = DateTimeOffset.UtcNow.AddDays(30), endsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(1) });
        var other = await CreateAsync(host, request);
        await EventsApi.RegisterAsync(control.Client, other.Id);
        await MoveAsync(host, other.Id, request, dueAt: dueAfter + TimeSpan.FromSeconds(0.5));
        await NotificationsApi.WaitForAsync(control.Client, page => page.Items.Any(n => n.Kind == NotificationKind.EventReminder),
            dueAfter - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15));
    }

    /// <summary>Moves an event so that its reminder falls due at <paramref name="dueAt"/>.</summary>
    private static Task MoveAsync(TestMember host, Guid eventId, JsonObject request, DateTimeOffset dueAt) =>
        EditAsync(host, eventId, request, dueAt + ReminderApi.Lead);

    private static async Task<EventDetail> CreateAsync(TestMember host, JsonObject request)
    {
        using var created = await host.Client.PostAsJsonAsync("/api/v1/events", request);
        var body = await ThreadsApi.ExpectAsync<EventDetail>(created, HttpStatusCode.Created);
        using var published = await host.Client.PostAsync($"/api/v1/events/{body.Id}/publish", null);
        return await ThreadsApi.ExpectAsync<EventDetail>(published, HttpStatusCode.OK);
    }

    private static async Task EditAsync(TestMember host, Guid eventId, JsonObject request, DateTimeOffset startsAt)
    {
        request["startsAt"] = startsAt;
        request["endsAt"] = startsAt.AddHours(1.5);
        using var edited = await host.Client.PutAsJsonAsync($"/api/v1/events/{eventId}", request);
        await ThreadsApi.ExpectAsync(edited, HttpStatusCode.OK);
    }
}
