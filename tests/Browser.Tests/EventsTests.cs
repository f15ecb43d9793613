namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class EventsTests(SiteFixture site)
{
    [Fact]
    public async Task A_host_runs_a_webinar_and_a_question_asked_in_one_browser_is_approved_and_pinned_live_in_the_others()
    {
        var host = await Community.JoinAsync(site.Api.CreateClient, "Hana Host", "host");
        var attendee = await Journeys.JoinThroughApiAsync(site, "Ade Attendee");
        var title = $"Five stages webinar {Guid.NewGuid().ToString()[..6]}";

        // The host creates the webinar through the form and publishes it.
        var hostPage = await site.NewPageAsync();
        await Journeys.SignInAsync(hostPage, host.Email, host.Password, "/Events");
        await hostPage.GetByRole(AriaRole.Link, new() { Name = "Create an event" }).ClickAsync();
        await hostPage.GetByLabel("Title").FillAsync(title);
        await hostPage.GetByLabel("Description").FillAsync("We present the **five-stage framework**.");
        await hostPage.GetByLabel("Starts").FillAsync("2030-11-04T12:30");
        await hostPage.GetByLabel("Ends").FillAsync("2030-11-04T14:00");
        await hostPage.GetByLabel("Online link").FillAsync("https://meet.example.org/five-stages");
        await hostPage.GetByLabel("Places (capacity)").FillAsync("100");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(hostPage.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(hostPage.GetByText("Monday 4 November 2030, 12:30 to 14:00 (Europe/London)")).ToBeVisibleAsync();
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(hostPage.GetByText("Event published")).ToBeVisibleAsync();
        var eventUrl = hostPage.Url.Split('?')[0];

        // The attendee finds it, does not see the link yet, registers, then sees it.
        var attendeePage = await site.NewPageAsync();
        await Journeys.SignInAsync(attendeePage, attendee.Email, attendee.Password, "/Events");
        await attendeePage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(attendeePage.GetByText("The online link appears here once you have a seat.")).ToBeVisibleAsync();
        await attendeePage.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(attendeePage.GetByText("You are registered.")).ToBeVisibleAsync();
        await Expect(attendeePage.GetByRole(AriaRole.Link, new() { Name = "https://meet.example.org/five-stages" })).ToBeVisibleAsync();

        // The host opens the Q&A with approval, and opens the presenter view beside it.
        await hostPage.ReloadAsync();
        await Expect(hostPage.Locator("table.attendees", new() { HasText = attendee.DisplayName })).ToBeVisibleAsync();
        await hostPage.GetByLabel("Approve questions before they show").CheckAsync();
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Open Q&A" }).ClickAsync();
        await Expect(hostPage.GetByText("Q&A is open; hosts approve questions before they show.")).ToBeVisibleAsync();
        await Expect(hostPage.Locator("[data-qa-live][data-live='on']")).ToHaveCountAsync(1);
        var presenter = await hostPage.Context.NewPageAsync();
        await presenter.GotoAsync($"{eventUrl}/Present");
        await Expect(presenter.Locator("[data-qa-live][data-live='on']")).ToHaveCountAsync(1);

        // The attendee asks; it waits for approval and reaches the host's queue live.
        await attendeePage.ReloadAsync();
        await Expect(attendeePage.Locator("[data-qa-live][data-live='on']")).ToHaveCountAsync(1);
        const string question = "How does a place move from Connection to Mutuality?";
        await attendeePage.GetByLabel("Your question").FillAsync(question);
        await attendeePage.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(attendeePage.GetByText("Awaiting approval")).ToBeVisibleAsync();
        await Expect(attendeePage.Locator("[data-qa-live][data-live='on']")).ToHaveCountAsync(1);
        var queued = hostPage.Locator(".question", new() { HasText = question });
        await Expect(queued).ToBeVisibleAsync();
        await Expect(presenter.GetByText(question)).ToHaveCountAsync(0);

        // The host approves and pins; the attendee's page and the presenter view follow live.
        await queued.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(presenter.Locator(".presenter-list", new() { HasText = question })).ToBeVisibleAsync();
        await hostPage.Locator(".question", new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Pin" }).ClickAsync();

        await Expect(attendeePage.Locator(".now-answering", new() { HasText = question })).ToBeVisibleAsync();
        await Expect(presenter.Locator(".presenter-question", new() { HasText = question })).ToBeVisibleAsync();
        await Expect(attendeePage.GetByText("Awaiting approval")).ToHaveCountAsync(0);

        // A question approved elsewhere appears on the attendee's page without a reload, and can be upvoted there.
        var eventId = Guid.Parse(eventUrl.Split('/')[^1]);
        var fromTheRoom = await QaApi.AskAsync(host.Client, eventId, "A question from the room: who funds the connectors?");
        await QaApi.ModerateAsync(host.Client, eventId, fromTheRoom.Id, "approve");
        var arrived = attendeePage.Locator($"[data-question-id='{fromTheRoom.Id}']");
        await Expect(arrived).ToContainTextAsync("who funds the connectors?");
        await arrived.GetByRole(AriaRole.Button, new() { Name = "▲ Upvote" }).ClickAsync();
        await Expect(attendeePage.Locator($"[data-question-id='{fromTheRoom.Id}'] .votes")).ToHaveTextAsync("1");
        await Expect(attendeePage.Locator($"[data-question-id='{fromTheRoom.Id}'] button[aria-pressed='true']")).ToHaveCountAsync(1);

        // Typing a question like one already asked suggests upvoting that one instead.
        await attendeePage.GetByLabel("Your question").FillAsync("How does a place move to Mutuality?");
        await Expect(attendeePage.Locator("#similar", new() { HasText = question })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bad_input_in_the_event_form_is_shown_beside_the_field()
    {
        var host = await Community.JoinAsync(site.Api.CreateClient, "Hugh Host", "host");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, host.Email, host.Password, "/Events/Edit");

        await page.GetByLabel("Title").FillAsync("Ends before it starts");
        await page.GetByLabel("Starts").FillAsync("2030-04-25T16:00");
        await page.GetByLabel("Ends").FillAsync("2030-04-25T10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await Expect(page.Locator(".field-error", new() { HasText = "The event must end after it starts." })).ToBeVisibleAsync();

        // Corrected, it saves as a draft; editing keeps what was there and changes what is asked.
        await page.GetByLabel("Ends").FillAsync("2030-04-25T17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.GetByText("Event saved as a draft. Publish it when it is ready.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Starts")).ToHaveValueAsync("2030-04-25T16:00");
        await page.GetByLabel("Title").FillAsync("Power of Place, second day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Power of Place, second day" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Thursday 25 April 2030, 16:00 to 17:00 (Europe/London)")).ToBeVisibleAsync();
    }
}
