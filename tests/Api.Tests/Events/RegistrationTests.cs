using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Tests.Events;

[Collection(EventsCollection.Name)]
public sealed class RegistrationTests(EventsServer api)
{
    [Fact]
    public async Task Two_hundred_concurrent_registrations_for_100_seats_give_100_seats_and_100_waiting_in_arrival_order()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var members = await api.JoinManyAsync(200, "Racer");
        var created = await EventsApi.CreateAsync(host.Client, new { capacity = 100 });

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = members.Select(async member =>
        {
            await start.Task;
            return (Member: member, Registration: await EventsApi.RegisterAsync(member.Client, created.Id));
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racing);

        var seated = results.Where(r => r.Registration.Status == RegistrationStatus.Registered).ToList();
        var waiting = results.Where(r => r.Registration.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.Registration.ArrivalNumber).ToList();
        Assert.Equal((100, 100), (seated.Count, waiting.Count));

        // Arrival order is the order the requests took the event's lock: numbers 1..200 with no
        // repeats, the first 100 seated, the rest waiting in that order.
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Select(r => r.Registration.ArrivalNumber).Order());
        Assert.True(seated.Max(r => r.Registration.ArrivalNumber) < waiting.Min(r => r.Registration.ArrivalNumber));
        Assert.Equal(Enumerable.Range(1, 100), waiting.Select(r => r.Registration.WaitlistPosition!.Value));
        var detail = await EventsApi.GetAsync(host.Client, created.Id);
        Assert.Equal((100, 100), (detail.RegisteredCount, detail.WaitlistCount));

        // One seat frees: the first in the queue takes it, and the queue moves up.
        await EventsApi.CancelRegistrationAsync(seated[0].Member.Client, created.Id);
        var promoted = (await EventsApi.GetAsync(waiting[0].Member.Client, created.Id)).MyRegistration!;
        var next = (await EventsApi.GetAsync(waiting[1].Member.Client, created.Id)).MyRegistration!;
        Assert.Equal(RegistrationStatus.Registered, promoted.Status);
        Assert.Contains("waitlist", promoted.Notice);
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (next.Status, next.WaitlistPosition));
        var after = await EventsApi.GetAsync(host.Client, created.Id);
        Assert.Equal((100, 99), (after.RegisteredCount, after.WaitlistCount));
    }

    [Fact]
    public async Task Registering_twice_is_409_and_changes_nothing()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var created = await EventsApi.CreateAsync(host.Client, new { capacity = 10 });
        await EventsApi.RegisterAsync(member.Client, created.Id);

        using var again = await EventsApi.SendRegisterAsync(member.Client, created.Id);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, (await EventsApi.GetAsync(host.Client, created.Id)).RegisteredCount);
    }

    [Fact]
    public async Task One_member_registering_ten_times_at_once_holds_one_seat_and_the_rest_are_409()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient, "Eager Racer");
        var created = await EventsApi.CreateAsync(host.Client, new { capacity = 5 });

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 10).Select(async _ =>
        {
            await start.Task;
            using var response = await EventsApi.SendRegisterAsync(member.Client, created.Id);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(racing);

        Assert.Equal((1, 9), (statuses.Count(s => s == HttpStatusCode.OK), statuses.Count(s => s == HttpStatusCode.Conflict)));
        var detail = await EventsApi.GetAsync(member.Client, created.Id);
        Assert.Equal((1, 0, RegistrationStatus.Registered), (detail.RegisteredCount, detail.WaitlistCount, detail.MyRegistration!.Status));

        // Losing attempts counted no arrival: the next person is number 2.
        var next = await Community.JoinAsync(api.CreateClient, "Patient Racer");
        Assert.Equal(2, (await EventsApi.RegisterAsync(next.Client, created.Id)).ArrivalNumber);
    }

    [Fact]
    public async Task Registering_after_closing_before_opening_or_for_a_past_event_is_409()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var closed = await EventsApi.CreateAsync(host.Client, new
        {
            registrationOpensAt = DateTimeOffset.UtcNow.AddDays(-3),
            registrationClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        var notYet = await EventsApi.CreateAsync(host.Client, new { registrationOpensAt = DateTimeOffset.UtcNow.AddDays(1) });
        var past = await EventsApi.CreateAsync(host.Client, new { startsAt = DateTimeOffset.UtcNow.AddDays(-1), endsAt = DateTimeOffset.UtcNow.AddHours(-20) });

        foreach (var id in new[] { closed.Id, notYet.Id, past.Id })
        {
            using var response = await EventsApi.SendRegisterAsync(member.Client, id);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal(0, (await EventsApi.GetAsync(host.Client, id)).RegisteredCount);
        }

        Assert.False((await EventsApi.GetAsync(member.Client, closed.Id)).RegistrationOpen);
    }

    [Fact]
    public async Task Answers_are_kept_and_more_answers_than_questions_is_400()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var created = await EventsApi.CreateAsync(host.Client, new { registrationQuestions = new[] { "Organisation?", "Accessibility needs?" } });

        using var tooMany = await EventsApi.SendRegisterAsync(member.Client, created.Id, ["a", "b", "c"]);
        Assert.Equal(["answers"], (await RegisterMemberTests.AssertValidationProblem(tooMany)).Errors.Keys);
        var registered = await EventsApi.RegisterAsync(member.Client, created.Id, ["Locality", "Step-free access"]);

        Assert.Equal(["Locality", "Step-free access"], registered.Answers);
    }

    [Fact]
    public async Task A_cancelled_registration_can_register_again_at_the_back_of_the_queue()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var first = await Community.JoinAsync(api.CreateClient);
        var second = await Community.JoinAsync(api.CreateClient);
        var created = await EventsApi.CreateAsync(host.Client, new { capacity = 1 });
        await EventsApi.RegisterAsync(first.Client, created.Id);
        await EventsApi.RegisterAsync(second.Client, created.Id);

        await EventsApi.CancelRegistrationAsync(first.Client, created.Id);
        var again = await EventsApi.RegisterAsync(first.Client, created.Id);

        Assert.Equal((RegistrationStatus.Waitlisted, 1), (again.Status, again.WaitlistPosition));
        Assert.Equal(RegistrationStatus.Registered, (await EventsApi.GetAsync(second.Client, created.Id)).MyRegistration!.Status);
        using var notRegistered = await (await Community.JoinAsync(api.CreateClient)).Client.DeleteAsync($"/api/v1/events/{created.Id}/registration");
        Assert.Equal(HttpStatusCode.NotFound, notRegistered.StatusCode);
    }

    [Fact]
    public async Task Attendance_counts_places_and_organisations_and_names_only_those_who_chose_it()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var placeName = $"Hackney {Guid.NewGuid().ToString()[..6]}";
        using var addPlace = await admin.PostAsJsonAsync("/api/v1/places", new { name = placeName, kind = "LondonBorough" });
        var place = await ThreadsApi.ExpectAsync<PlaceRef>(addPlace, HttpStatusCode.Created);
        var listed = await Community.JoinAsync(api.CreateClient, "Listed");
        var quiet = await Community.JoinAsync(api.CreateClient, "Quiet");
        foreach (var person in new[] { listed, quiet })
        {
            using var profile = await person.Client.PutAsJsonAsync("/api/v1/me", new { displayName = person.DisplayName, placeIds = new[] { place.Id } });
            await ThreadsApi.ExpectAsync(profile, HttpStatusCode.OK);
        }

        var created = await EventsApi.CreateAsync(host.Client);
        await EventsApi.RegisterAsync(listed.Client, created.Id, listMe: true);
        await EventsApi.RegisterAsync(quiet.Client, created.Id, listMe: false);

        using var response = await quiet.Client.GetAsync($"/api/v1/events/{created.Id}/attendance");
        var attendance = await ThreadsApi.ExpectAsync<Attendance>(response, HttpStatusCode.OK);

        Assert.Equal(2, attendance.Registered);
        Assert.Equal(new PlaceCount(placeName, 2), Assert.Single(attendance.Places));
        Assert.Equal(listed.DisplayName, Assert.Single(attendance.Listed).DisplayName);
    }

    [Fact]
    public async Task Only_hosts_see_the_attendee_list_and_its_csv_which_is_formula_safe()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var sneaky = await Community.JoinAsync(api.CreateClient, "=HYPERLINK(\"http://evil\")");
        var created = await EventsApi.CreateAsync(host.Client, new { registrationQuestions = new[] { "Organisation?" } });
        await EventsApi.RegisterAsync(sneaky.Client, created.Id, ["+SUM(A1:A9)"]);

        using var forbiddenList = await sneaky.Client.GetAsync($"/api/v1/events/{created.Id}/attendees");
        using var forbiddenCsv = await sneaky.Client.GetAsync($"/api/v1/events/{created.Id}/attendees.csv");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (forbiddenList.StatusCode, forbiddenCsv.StatusCode));

        using var list = await host.Client.GetAsync($"/api/v1/events/{created.Id}/attendees");
        var row = Assert.Single(await ThreadsApi.ExpectAsync<AttendeeRow[]>(list, HttpStatusCode.OK));
        Assert.Equal((sneaky.Email, RegistrationStatus.Registered), (row.Email, row.Status));

        using var csv = await host.Client.GetAsync($"/api/v1/events/{created.Id}/attendees.csv");
        await ThreadsApi.ExpectAsync(csv, HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.True(csv.Headers.CacheControl?.NoStore, "The attendee list must not be kept by any cache.");
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Name,Email,Organisation,Places,Status,Arrival,Registered at (UTC),Listed,Organisation?", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(lines[1].Split(','), cell => cell.TrimStart('"').StartsWith('=') || cell.TrimStart('"').StartsWith('+'));
        Assert.Contains(sneaky.Email, lines[1]);
    }
}
