namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class HomeTests(SiteFixture site)
{
    [Fact]
    public async Task The_home_page_shows_members_the_next_events_and_latest_threads_and_visitors_the_way_in()
    {
        var host = await Community.JoinAsync(site.Api.CreateClient, "Hana Host", "host");
        var soon = DateTimeOffset.UtcNow.AddMinutes(5);
        var webinar = await EventsApi.CreateAsync(host.Client, new { title = $"Starting very soon {Guid.NewGuid():N}"[..30], startsAt = soon, endsAt = soon.AddHours(1) });
        var thread = await ThreadsApi.StartAsync(host.Client, $"Fresh from the gathering {Guid.NewGuid():N}"[..40]);

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync("/");
        var events = visitor.GetByRole(AriaRole.Region, new() { Name = "Upcoming events" });
        await Expect(events.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var discussion = visitor.GetByRole(AriaRole.Region, new() { Name = "Latest discussion" });
        await Expect(discussion.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var member = await site.NewPageAsync();
        await Journeys.SignInAsync(member, host.Email, host.Password);
        await Expect(member.GetByRole(AriaRole.Region, new() { Name = "Upcoming events" })
            .GetByRole(AriaRole.Link, new() { Name = webinar.Title })).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Region, new() { Name = "Latest discussion" })
            .GetByRole(AriaRole.Link, new() { Name = thread.Title })).ToBeVisibleAsync();
    }
}
