using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Tests.Events;

[Collection(EventsCollection.Name)]
public sealed class CreateEventTests(EventsServer api)
{
    [Fact]
    public async Task A_host_creates_a_draft_that_members_see_only_once_published()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);

        var draft = await EventsApi.CreateAsync(host.Client, publish: false);
        using (var hidden = await member.Client.GetAsync($"/api/v1/events/{draft.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using var published = await host.Client.PostAsync($"/api/v1/events/{draft.Id}/publish", null);
        var shown = await ThreadsApi.ExpectAsync<EventDetail>(published, HttpStatusCode.OK);
        var seen = await EventsApi.GetAsync(member.Client, draft.Id);

        Assert.Equal((EventStatus.Draft, EventStatus.Published), (draft.Status, shown.Status));
        Assert.Equal("Europe/London", seen.TimeZone);
        Assert.Equal(["PowerofPlace"], seen.Hashtags);
        Assert.Contains("<strong>places</strong>", seen.DescriptionHtml);
        Assert.NotNull(seen.ThreadId);
        Assert.False(seen.CanManage);
        Assert.True(shown.CanManage);
    }

    [Fact]
    public async Task The_online_link_reaches_hosts_and_registered_people_only()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var created = await EventsApi.CreateAsync(host.Client);

        var before = await EventsApi.GetAsync(member.Client, created.Id);
        await EventsApi.RegisterAsync(member.Client, created.Id);
        var after = await EventsApi.GetAsync(member.Client, created.Id);

        Assert.Equal("https://meet.example.org/power-of-place", created.OnlineUrl);
        Assert.Null(before.OnlineUrl);
        Assert.True(before.HasOnlineLink);
        Assert.Equal("https://meet.example.org/power-of-place", after.OnlineUrl);
    }

    [Fact]
    public async Task A_member_without_the_host_role_cannot_create_events()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.PostAsJsonAsync("/api/v1/events", EventsApi.Draft());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_events_hosts_may_edit_publish_or_cancel_it()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var otherHost = await Community.JoinAsync(api.CreateClient, "Other host", "host");
        var created = await EventsApi.CreateAsync(host.Client);

        using var edit = await otherHost.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}", EventsApi.Draft());
        using var cancel = await otherHost.Client.PostAsJsonAsync($"/api/v1/events/{created.Id}/cancel", new { reason = "No" });

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(EventStatus.Published, (await EventsApi.GetAsync(host.Client, created.Id)).Status);
    }

    [Fact]
    public async Task A_co_host_manages_the_event_too()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var coHost = await Community.JoinAsync(api.CreateClient, "Co-host");
        var created = await EventsApi.CreateAsync(host.Client, new { coHostIds = new[] { coHost.Id } });

        using var edit = await coHost.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}", EventsApi.Draft(new { title = "Renamed by the co-host", coHostIds = new[] { coHost.Id } }));

        var edited = await ThreadsApi.ExpectAsync<EventDetail>(edit, HttpStatusCode.OK);
        Assert.Equal("Renamed by the co-host", edited.Title);
        Assert.Equal(coHost.Id, Assert.Single(edited.CoHosts).Id);
    }

    public static TheoryData<string, object> BadEvents => new()
    {
        { "endsAt", new { startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(2) } },
        { "capacity", new { capacity = -1 } },
        { "timeZone", new { timeZone = "Mars/Olympus_Mons" } },
        { "title", new { title = "  " } },
        { "kind", new { kind = (string?)null } },
        { "onlineUrl", new { onlineUrl = "javascript:alert(1)" } },
        { "registrationClosesAt", new { registrationOpensAt = DateTimeOffset.UtcNow.AddDays(2), registrationClosesAt = DateTimeOffset.UtcNow.AddDays(1) } },
        { "placeIds", new { placeIds = new[] { Guid.NewGuid() } } },
        { "coHostIds", new { coHostIds = new[] { Guid.NewGuid() } } },
        { "registrationQuestions", new { registrationQuestions = new[] { "" } } },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Bad_input_is_400_on_its_field_and_nothing_is_stored(string field, object overrides)
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");

        using var response = await host.Client.PostAsJsonAsync("/api/v1/events", EventsApi.Draft(overrides));

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Contains(problem.Errors.Keys, key => key.StartsWith(field, StringComparison.Ordinal));
        using var list = await host.Client.GetAsync("/api/v1/events");

        // A new host sees only their own drafts: there must be none.
        Assert.DoesNotContain(await ThreadsApi.ExpectAsync<EventSummary[]>(list, HttpStatusCode.OK), e => e.Status == EventStatus.Draft);
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_seats_taken_and_a_larger_one_promotes_the_waitlist()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var members = await api.JoinManyAsync(3, "Attendee");
        var created = await EventsApi.CreateAsync(host.Client, new { capacity = 2 });
        foreach (var member in members)
        {
            await EventsApi.RegisterAsync(member.Client, created.Id);
        }

        using var tooSmall = await host.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}", EventsApi.Draft(new { capacity = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, tooSmall.StatusCode);
        Assert.Equal(2, (await EventsApi.GetAsync(host.Client, created.Id)).Capacity);

        using var larger = await host.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}", EventsApi.Draft(new { capacity = 3 }));
        var grown = await ThreadsApi.ExpectAsync<EventDetail>(larger, HttpStatusCode.OK);

        Assert.Equal((3, 0), (grown.RegisteredCount, grown.WaitlistCount));
        var third = (await EventsApi.GetAsync(members[2].Client, created.Id)).MyRegistration!;
        Assert.Equal(RegistrationStatus.Registered, third.Status);
        Assert.NotNull(third.Notice);
    }

    [Fact]
    public async Task Cancelling_an_event_tells_its_registrants_and_closes_registration()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var late = await Community.JoinAsync(api.CreateClient);
        var created = await EventsApi.CreateAsync(host.Client);
        await EventsApi.RegisterAsync(member.Client, created.Id);

        using var empty = await host.Client.PostAsJsonAsync($"/api/v1/events/{created.Id}/cancel", new { reason = "" });
        Assert.Equal(["reason"], (await RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys);
        using var cancel = await host.Client.PostAsJsonAsync($"/api/v1/events/{created.Id}/cancel", new { reason = "The venue flooded" });
        await ThreadsApi.ExpectAsync(cancel, HttpStatusCode.OK);

        var seen = await EventsApi.GetAsync(member.Client, created.Id);
        Assert.Equal((EventStatus.Cancelled, "The venue flooded"), (seen.Status, seen.CancellationReason));
        Assert.Contains("The venue flooded", seen.MyRegistration!.Notice);
        using var register = await EventsApi.SendRegisterAsync(late.Client, created.Id);
        Assert.Equal(HttpStatusCode.Conflict, register.StatusCode);
        Assert.Equal("application/problem+json", register.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Past_events_are_listed_apart_from_upcoming_ones()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var past = await EventsApi.CreateAsync(host.Client, new { startsAt = DateTimeOffset.UtcNow.AddDays(-2), endsAt = DateTimeOffset.UtcNow.AddDays(-2).AddHours(2) });
        var upcoming = await EventsApi.CreateAsync(host.Client);

        using var upcomingList = await host.Client.GetAsync("/api/v1/events?when=Upcoming");
        using var pastList = await host.Client.GetAsync("/api/v1/events?when=Past");
        var upcomingIds = (await ThreadsApi.ExpectAsync<EventSummary[]>(upcomingList, HttpStatusCode.OK)).Select(e => e.Id).ToList();
        var pastIds = (await ThreadsApi.ExpectAsync<EventSummary[]>(pastList, HttpStatusCode.OK)).Select(e => e.Id).ToList();

        Assert.Contains(upcoming.Id, upcomingIds);
        Assert.DoesNotContain(past.Id, upcomingIds);
        Assert.Contains(past.Id, pastIds);
        Assert.DoesNotContain(upcoming.Id, pastIds);
    }
}
