using System.Text.RegularExpressions;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>The bell in the header, the list under it and the settings page, in real browsers.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class NotificationTests(SiteFixture site)
{
    [Fact]
    public async Task The_bell_lights_up_live_on_a_reply_and_goes_out_when_everything_is_marked_read()
    {
        var alice = await Journeys.JoinThroughApiAsync(site, "Alice Answer");
        var bob = await Journeys.JoinThroughApiAsync(site, "Bob Bell");
        var title = $"Who works with residents in Peckham? {Guid.NewGuid().ToString()[..6]}";
        var thread = await ThreadsApi.StartAsync(bob.Client, title, "We are starting a tenants' forum.");
        var bobPage = await site.NewPageAsync();
        await Journeys.SignInAsync(bobPage, bob.Email, bob.Password, "/Threads");
        var bell = BellOf(bobPage);
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 0 unread");
        await Expect(bobPage.Locator("[data-bell]")).ToHaveAttributeAsync("data-live", "on");
        var loads = 0;
        bobPage.Load += (_, _) => loads++;
        await bobPage.EvaluateAsync("() => { window.focusedBefore = document.activeElement; }");

        await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "We are, on the North Peckham estate.");

        var said = $"{alice.DisplayName} replied in “{title}”";
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 1 unread");
        await Expect(bell.Locator(".bell-count")).ToHaveTextAsync("1");
        await Expect(bobPage.Locator("[data-bell-announcer]")).ToHaveTextAsync($"New notification: {said}");
        Assert.True(await bobPage.EvaluateAsync<bool>("() => document.activeElement === window.focusedBefore"), "The announcement moved the focus.");

        // In another tab Bob goes to the list by keyboard through the bell, and marks everything read.
        var listPage = await bobPage.Context.NewPageAsync();
        await listPage.GotoAsync("/");
        await BellOf(listPage).FocusAsync();
        await listPage.Keyboard.PressAsync("Enter");
        await Expect(listPage).ToHaveURLAsync(NotificationsPath());
        var item = listPage.GetByRole(AriaRole.Listitem).Filter(new() { HasText = said });
        await Expect(item.GetByText("Unread", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = said })).ToHaveAttributeAsync("href", $"/Threads/{thread.Id}#post-2");
        await listPage.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();

        await Expect(listPage.GetByRole(AriaRole.Status)).ToContainTextAsync("All your notifications are marked as read.");
        await Expect(item.GetByText("Unread", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(BellOf(listPage)).ToHaveAccessibleNameAsync("Notifications, 0 unread");
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 0 unread");
        Assert.Equal(0, loads);
        Assert.Equal(0, (await NotificationsApi.ListAsync(bob.Client)).Unread);
    }

    [Fact]
    public async Task One_notification_is_marked_read_from_the_list_and_older_ones_are_a_page_away()
    {
        var alice = await Journeys.JoinThroughApiAsync(site, "Alice Many");
        var bob = await Journeys.JoinThroughApiAsync(site, "Bob Busy");
        var topic = Guid.NewGuid().ToString()[..6];
        foreach (var n in Enumerable.Range(1, 21))
        {
            var thread = await ThreadsApi.StartAsync(bob.Client, $"Thread {n} of {topic}", "Tell me everything.");
            await ThreadsApi.ReplyAsync(alice.Client, thread.Id, $"Reply number {n}.");
        }

        await NotificationsApi.WaitForAsync(bob.Client, page => page.Unread == 21);
        var page = await site.NewPageAsync(javaScript: false);
        await Journeys.SignInAsync(page, bob.Email, bob.Password, "/Notifications");
        await Expect(BellOf(page)).ToHaveAccessibleNameAsync("Notifications, 21 unread");
        var items = page.GetByRole(AriaRole.List, new() { Name = "Your notifications, newest first" }).GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveCountAsync(20);
        await Expect(items.First).ToContainTextAsync("Reply number 21.");

        await items.First.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as read.");
        await Expect(BellOf(page)).ToHaveAccessibleNameAsync("Notifications, 20 unread");
        await Expect(items.First.GetByText("Unread", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(items.Nth(1).GetByText("Unread", new() { Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Older", Exact = true }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToContainTextAsync("Reply number 1.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Newest", Exact = true }).ClickAsync();
        await Expect(items).ToHaveCountAsync(20);
    }

    [Fact]
    public async Task Opening_an_unread_notification_marks_it_read()
    {
        var alice = await Journeys.JoinThroughApiAsync(site, "Alice Opener");
        var bob = await Journeys.JoinThroughApiAsync(site, "Bob Opens");
        var thread = await ThreadsApi.StartAsync(bob.Client, $"Open me {Guid.NewGuid().ToString()[..6]}", "Anyone?");
        await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "Here I am.");
        await NotificationsApi.WaitForAsync(bob.Client, p => p.Unread == 1);
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, bob.Email, bob.Password, "/Notifications");

        await page.GetByRole(AriaRole.Link, new() { Name = $"{alice.DisplayName} replied in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/Threads/{thread.Id}#post-2$"));
        await NotificationsApi.WaitForAsync(bob.Client, p => p.Unread == 0);
        await Expect(BellOf(page)).ToHaveAccessibleNameAsync("Notifications, 0 unread");
    }

    [Fact]
    public async Task A_daily_digest_for_replies_is_kept_and_a_choice_that_does_not_exist_is_refused_on_its_field()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Dee Digest");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, "/Notifications/Settings");
        await Expect(page.GetByText($"Emails go to {member.Email}.")).ToBeVisibleAsync();
        var replies = page.GetByRole(AriaRole.Group, new() { Name = "Replies", Exact = true });
        await Expect(replies).ToContainTextAsync("Replies to your posts, or in threads you follow.");
        await Expect(replies.GetByRole(AriaRole.Radio, new() { Name = "Email at once (the default)" })).ToBeCheckedAsync();

        await replies.GetByRole(AriaRole.Radio, new() { Name = "Daily digest" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choices" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your notification choices are saved.");
        await page.ReloadAsync();
        await Expect(replies.GetByRole(AriaRole.Radio, new() { Name = "Daily digest" })).ToBeCheckedAsync();
        var mentions = page.GetByRole(AriaRole.Group, new() { Name = "Mentions", Exact = true });
        await Expect(mentions.GetByRole(AriaRole.Radio, new() { Name = "Email at once (the default)" })).ToBeCheckedAsync();
        var saved = await NotificationsApi.SettingsAsync(member.Client);
        Assert.Equal(NotificationDelivery.Daily, saved.Choices.Single(c => c.Kind == NotificationKind.Reply).Delivery);

        // A choice the form never offers (a changed page, an old form): the Api's 400 lands on the Replies fieldset.
        var weekly = replies.GetByRole(AriaRole.Radio, new() { Name = "Weekly digest" });
        await weekly.EvaluateAsync("radio => radio.value = 'Hourly'");
        await weekly.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choices" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToContainTextAsync("Replies: choose one of the five ways listed.");
        await Expect(replies).ToContainTextAsync("Error: Replies: choose one of the five ways listed.");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Input_Choices_Reply");
        await Expect(replies).ToHaveAttributeAsync("id", "Input_Choices_Reply");
        Assert.Equal(NotificationDelivery.Daily, (await NotificationsApi.SettingsAsync(member.Client)).Choices.Single(c => c.Kind == NotificationKind.Reply).Delivery);
    }

    private static ILocator BellOf(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = BellName() });

    [GeneratedRegex("^Notifications")]
    private static partial Regex BellName();

    [GeneratedRegex("/Notifications$")]
    private static partial Regex NotificationsPath();
}

/// <summary>Applicants have the bell too (their join decision arrives there), with the count from page load: the live hub is for members.</summary>
[Collection(ApprovalSiteCollection.Name)]
public sealed partial class NotificationApplicantTests(ApprovalSiteFixture site)
{
    [Fact]
    public async Task An_applicant_finds_the_answer_to_their_request_under_the_bell()
    {
        var applicant = await JoiningApi.ApplicantAsync(site.Api.CreateClient);
        var moderator = await JoiningApi.MemberAsync(site.Api.CreateClient, "Mo Moderator", "moderator");
        var request = await JoiningApi.MineAsync(applicant.Client);
        using var declined = await JoiningApi.SendDecisionAsync(moderator.Client, request.Id, approve: false, "Tell us which place you work in, and ask again.");
        declined.EnsureSuccessStatusCode();
        await NotificationsApi.WaitForAsync(applicant.Client, p => p.Unread == 1);
        var page = await site.NewPageAsync();

        await Journeys.SignInAsync(page, applicant.Email, applicant.Password, "/account/join-request");

        var bell = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = BellName() });
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 1 unread");
        await Expect(page.Locator("script[src*='bell.js']")).ToHaveCountAsync(0);
        await bell.ClickAsync();
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Your request to join Community of Practice was declined" });
        await Expect(item).ToContainTextAsync("Tell us which place you work in, and ask again.");
        await Expect(item.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/account/join-request");
    }

    [GeneratedRegex("^Notifications")]
    private static partial Regex BellName();
}
