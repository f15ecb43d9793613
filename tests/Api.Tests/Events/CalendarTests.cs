using Ical.Net;

namespace CommunityOfPractice.Api.Tests.Events;

[Collection(EventsCollection.Name)]
public sealed class CalendarTests(EventsServer api)
{
    [Fact]
    public async Task An_events_ics_parses_back_with_the_right_utc_instants_for_london_summer_time()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");

        // 25 April at 10:00 in London is 09:00 UTC (British Summer Time, UTC+1).
        var year = DateTime.UtcNow.Year + 1;
        var startsAt = new DateTimeOffset(year, 4, 25, 9, 0, 0, TimeSpan.Zero);
        var created = await EventsApi.CreateAsync(host.Client, new
        {
            kind = "Gathering",
            venue = "Toynbee Hall, London",
            startsAt = new DateTimeOffset(year, 4, 25, 10, 0, 0, TimeSpan.FromHours(1)),
            endsAt = new DateTimeOffset(year, 4, 25, 16, 30, 0, TimeSpan.FromHours(1)),
            timeZone = "Europe/London",
        });

        using var response = await host.Client.GetAsync($"/api/v1/events/{created.Id}/calendar.ics");
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var item = Assert.Single(Calendar.Load(text)!.Events);

        Assert.Equal(created.Title, item.Summary);
        Assert.Equal("Europe/London", item.Start!.TzId);
        Assert.Equal(new DateTime(year, 4, 25, 10, 0, 0), item.Start.Value);
        Assert.Equal(startsAt.UtcDateTime, item.Start.AsUtc);
        Assert.Equal(new DateTime(year, 4, 25, 15, 30, 0, DateTimeKind.Utc), item.End!.AsUtc);
        Assert.Equal("Toynbee Hall, London", item.Location);
        Assert.Contains("BEGIN:VTIMEZONE", text);
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("America/New_York", -5)]
    [InlineData("Asia/Kolkata", 5.5)]
    public async Task Events_in_other_zones_parse_back_with_the_right_utc_instants(string zone, double winterOffsetHours)
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var offset = TimeSpan.FromHours(winterOffsetHours);
        var created = await EventsApi.CreateAsync(host.Client, new
        {
            startsAt = new DateTimeOffset(2031, 1, 15, 9, 0, 0, offset),
            endsAt = new DateTimeOffset(2031, 1, 15, 10, 0, 0, offset),
            timeZone = zone,
        });

        using var response = await host.Client.GetAsync($"/api/v1/events/{created.Id}/calendar.ics");
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.OK);
        var item = Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);

        Assert.Equal(new DateTimeOffset(2031, 1, 15, 9, 0, 0, offset).UtcDateTime, item.Start!.AsUtc);
    }

    [Fact]
    public async Task A_windows_time_zone_name_is_400_on_timeZone()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");

        using var response = await host.Client.PostAsJsonAsync("/api/v1/events", EventsApi.Draft(new { timeZone = "GMT Standard Time" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("timeZone", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_personal_feed_lists_my_events_by_secret_address_and_a_new_address_retires_the_old()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient);
        var mine = await EventsApi.CreateAsync(host.Client, new { startsAt = new DateTimeOffset(2030, 11, 4, 12, 30, 0, TimeSpan.Zero), endsAt = new DateTimeOffset(2030, 11, 4, 14, 0, 0, TimeSpan.Zero) });
        var notMine = await EventsApi.CreateAsync(host.Client);
        await EventsApi.RegisterAsync(member.Client, mine.Id);

        using var first = await member.Client.PostAsync("/api/v1/me/calendar-feed", null);
        var address = await ThreadsApi.ExpectAsync<FeedAddress>(first, HttpStatusCode.OK);
        var anonymous = api.CreateClient();
        using var feed = await anonymous.GetAsync($"/api/v1/calendar/{address.Token}.ics");
        await ThreadsApi.ExpectAsync(feed, HttpStatusCode.OK);
        var events = Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events;

        var item = Assert.Single(events);
        Assert.Equal(mine.Title, item.Summary);
        Assert.Equal(new DateTime(2030, 11, 4, 12, 30, 0, DateTimeKind.Utc), item.Start!.AsUtc);
        Assert.DoesNotContain(events, e => e.Summary == notMine.Title);

        using var second = await member.Client.PostAsync("/api/v1/me/calendar-feed", null);
        await ThreadsApi.ExpectAsync(second, HttpStatusCode.OK);
        using var retired = await anonymous.GetAsync($"/api/v1/calendar/{address.Token}.ics");
        Assert.Equal(HttpStatusCode.NotFound, retired.StatusCode);
    }

    private sealed record FeedAddress(string Url, string Token);
}
