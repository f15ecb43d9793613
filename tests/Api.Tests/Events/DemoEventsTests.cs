using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Tests.Events;

/// <summary>`./cop run` seeds the demo community: its two events must come up with it.</summary>
public sealed class DemoEventsTests
{
    [Fact]
    public async Task The_demo_seeds_the_gathering_and_the_webinar_published_in_london_time()
    {
        await using var demo = new ApiFactory().WithSetting("Seed:Demo", "true");
        await demo.InitializeAsync();
        var client = demo.CreateClient();
        var token = await Tokens.PasswordGrantAsync(client, "member@demo.communityofpractice.org.uk", "Demo-pass-2026!");
        client.Authorize(token.AccessToken);

        using var response = await client.GetAsync("/api/v1/events");
        var events = await ThreadsApi.ExpectAsync<EventSummary[]>(response, HttpStatusCode.OK);

        var webinar = Assert.Single(events, e => e.Title == "The five-stage framework");
        Assert.Single(events, e => e.Title == "Power of Place");
        Assert.Equal(RegistrationStatus.Registered, webinar.MyStatus);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal(new TimeSpan(12, 30, 0), TimeZoneInfo.ConvertTime(webinar.StartsAt, london).TimeOfDay);
    }
}
