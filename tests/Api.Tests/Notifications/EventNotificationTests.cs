using System.Text.Json.Nodes;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>
/// What registrants and askers hear: a seat that came free, a change of time or place (not of
/// wording), a cancellation with its reason, each with the event's calendar entry (plain text, a
/// growing SEQUENCE, METHOD:CANCEL when cancelled, the online link for seats only); and a Q&amp;A
/// question answered in writing or hidden with its reason, told to its asker alone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventNotificationTests(ApiFactory api)
{
    [Fact]
    public async Task A_seat_that_comes_free_tells_the_first_on_the_waitlist_with_the_online_link()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Waitlist Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Leaving Attendee");
        var waiting = await Community.JoinAsync(api.CreateClient, "Waiting Attendee");
        var webinar = await EventsApi.CreateAsync(host.Client, new { capacity = 1 });
        await EventsApi.RegisterAsync(seated.Client, webinar.Id);
        await EventsApi.RegisterAsync(waiting.Client, webinar.Id);

        await EventsApi.CancelRegistrationAsync(seated.Client, webinar.Id);

        var told = Assert.Single((await NotificationsApi.WaitForKindAsync(waiting.Client, NotificationKind.EventUpdate)).Items);
        Assert.Equal($"A seat came free for you at “{webinar.Title}”", told.Title);
        Assert.Contains("Join online: https://meet.example.org/power-of-place", told.Text, StringComparison.Ordinal);
        Assert.Equal($"/Events/{webinar.Id}", told.Link);
        Assert.Empty((await NotificationsApi.ListAsync(seated.Client)).Items);
    }

    [Fact]
    public async Task A_move_tells_everyone_registered_a_rewording_tells_no_one_and_a_cancellation_carries_its_reason_and_a_cancel_entry()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Moving Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "Seated Attendee");
        var waiting = await Community.JoinAsync(api.CreateClient, "Waitlisted Attendee");
        var request = EventsApi.Draft(new { capacity = 1 });
        var webinar = await CreateAsync(host, request);
        await EventsApi.RegisterAsync(seated.Client, webinar.Id);
        await EventsApi.RegisterAsync(waiting.Client, webinar.Id);

        request["startsAt"] = request["startsAt"]!.GetValue<DateTimeOffset>().AddHours(2);
        request["endsAt"] = request["endsAt"]!.GetValue<DateTimeOffset>().AddHours(2);
        await EditAsync(host, webinar.Id, request);

        foreach (var member in (TestMember[])[seated, waiting])
        {
            var moved = Assert.Single((await NotificationsApi.WaitForKindAsync(member.Client, NotificationKind.EventUpdate)).Items);
            Assert.Equal($"“{webinar.Title}” has changed", moved.Title);
        }

        var seatedEntry = await CalendarOfAsync(seated.Id, "has changed");
        var waitingEntry = await CalendarOfAsync(waiting.Id, "has changed");
        Assert.Contains("METHOD:REQUEST", seatedEntry, StringComparison.Ordinal);
        Assert.Contains($"UID:{webinar.Id}@communityofpractice.org.uk", seatedEntry, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", seatedEntry, StringComparison.Ordinal);
        Assert.Contains("A day for places #PowerofPlace", seatedEntry, StringComparison.Ordinal);
        Assert.DoesNotContain("**", seatedEntry, StringComparison.Ordinal);
        Assert.Contains("meet.example.org", Unfold(seatedEntry), StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.org", Unfold(waitingEntry), StringComparison.Ordinal);
        Assert.DoesNotContain("Join online", (await NotificationsApi.ListAsync(waiting.Client)).Items.Single().Text, StringComparison.Ordinal);

        request["description"] = "A day for **places**, reworded. #PowerofPlace";
        await EditAsync(host, webinar.Id, request);
        using (var cancelled = await host.Client.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/cancel", new { reason = "The speaker is ill." }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        // Two each: the move and the cancellation; the rewording told no one.
        foreach (var member in (TestMember[])[seated, waiting])
        {
            var news = (await NotificationsApi.WaitForKindAsync(member.Client, NotificationKind.EventUpdate, 2)).Items;
            Assert.Equal([$"“{webinar.Title}” is cancelled", $"“{webinar.Title}” has changed"], news.Select(n => n.Title));
            Assert.Equal("The reason: The speaker is ill.", news[0].Text);
        }

        var cancelEntry = await CalendarOfAsync(seated.Id, "is cancelled");
        Assert.Contains("METHOD:CANCEL", cancelEntry, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", cancelEntry, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:3", cancelEntry, StringComparison.Ordinal);
        Assert.Empty((await NotificationsApi.ListAsync(host.Client)).Items);
    }

    [Fact]
    public async Task The_asker_alone_hears_that_their_question_was_answered_or_hidden_and_why()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Qa Host", Contracts.Roles.Host);
        var asker = await Community.JoinAsync(api.CreateClient, "Asker");
        var other = await Community.JoinAsync(api.CreateClient, "Other Attendee");
        var webinar = await EventsApi.CreateAsync(host.Client);
        await QaApi.OpenAsync(host.Client, webinar.Id);
        await EventsApi.RegisterAsync(asker.Client, webinar.Id);
        await EventsApi.RegisterAsync(other.Client, webinar.Id);
        var answered = await QaApi.AskAsync(asker.Client, webinar.Id, "Will the slides be shared?", anonymous: true);
        var hidden = await QaApi.AskAsync(asker.Client, webinar.Id, "Buy my product?");
        await QaApi.AskAsync(other.Client, webinar.Id, "What about rural places?");

        await QaApi.ModerateAsync(host.Client, webinar.Id, answered.Id, "answer", new { answer = "Yes: **on the event page** by Friday." });
        await QaApi.ModerateAsync(host.Client, webinar.Id, hidden.Id, "hide", new { reason = "Advertising is not allowed here." });

        var told = (await NotificationsApi.WaitForKindAsync(asker.Client, NotificationKind.QuestionUpdate, 2)).Items;
        Assert.Equal(
            [($"Your question at “{webinar.Title}” was hidden", "The reason: Advertising is not allowed here."),
             ($"Your question at “{webinar.Title}” was answered", "Yes: on the event page by Friday.")],
            told.Select(n => (n.Title, n.Text)));
        Assert.Empty((await NotificationsApi.ListAsync(other.Client)).Items);
        Assert.Empty((await NotificationsApi.ListAsync(host.Client)).Items);
    }

    [Fact]
    public async Task A_bigger_capacity_tells_each_member_it_seats_and_no_one_else()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Growing Host", Contracts.Roles.Host);
        var seated = await Community.JoinAsync(api.CreateClient, "First Seat");
        var second = await Community.JoinAsync(api.CreateClient, "Second In Line");
        var third = await Community.JoinAsync(api.CreateClient, "Third In Line");
        var fourth = await Community.JoinAsync(api.CreateClient, "Fourth In Line");
        var request = EventsApi.Draft(new { capacity = 1 });
        var webinar = await CreateAsync(host, request);
        foreach (var member in (TestMember[])[seated, second, third, fourth])
        {
            await EventsApi.RegisterAsync(member.Client, webinar.Id);
        }

        request["capacity"] = 3;
        await EditAsync(host, webinar.Id, request);

        foreach (var promoted in (TestMember[])[second, third])
        {
            var told = Assert.Single((await NotificationsApi.WaitForKindAsync(promoted.Client, NotificationKind.EventUpdate)).Items);
            Assert.Equal($"A seat came free for you at “{webinar.Title}”", told.Title);
        }

        // Still waiting, and already seated: neither hears of it.
        Assert.Empty((await NotificationsApi.ListAsync(fourth.Client)).Items);
        Assert.Empty((await NotificationsApi.ListAsync(seated.Client)).Items);
    }

    private static async Task<EventDetail> CreateAsync(TestMember host, JsonObject request)
    {
        using var created = await host.Client.PostAsJsonAsync("/api/v1/events", request);
        var body = await ThreadsApi.ExpectAsync<EventDetail>(created, HttpStatusCode.Created);
        using var published = await host.Client.PostAsync($"/api/v1/events/{body.Id}/publish", null);
        return await ThreadsApi.ExpectAsync<EventDetail>(published, HttpStatusCode.OK);
    }

    private static async Task EditAsync(TestMember host, Guid eventId, JsonObject request)
    {
        using var edited = await host.Client.PutAsJsonAsync($"/api/v1/events/{eventId}", request);
        await ThreadsApi.ExpectAsync(edited, HttpStatusCode.OK);
    }

    /// <summary>The calendar entry a member's notification carries (what its email attaches).</summary>
    private async Task<string> CalendarOfAsync(Guid memberId, string titlePart)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>();
        var calendar = await db.Set<Notification>().Where(n => n.MemberId == memberId && n.Title.Contains(titlePart))
            .Select(n => n.Calendar).SingleAsync();
        return calendar!;
    }

    // iCalendar folds long lines at 75 octets.
    private static string Unfold(string calendar) => calendar.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
}
