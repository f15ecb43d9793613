using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>The unsubscribe link of a real email, followed in a browser without signing in: it asks first, then that kind of email stops.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class UnsubscribeTests(SiteFixture site)
{
    [Fact]
    public async Task The_link_in_a_reply_email_asks_first_then_turns_that_email_off_and_the_settings_show_it()
    {
        var replier = await Journeys.JoinThroughApiAsync(site, "Rhiannon Replier");
        var member = await Journeys.JoinThroughApiAsync(site, "Una Unsubscriber");
        var thread = await ThreadsApi.StartAsync(member.Client, $"Too many emails {Guid.NewGuid().ToString()[..6]}", "Is anyone there?");
        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Yes, here.");

        var email = Assert.Single(await site.Smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == member.Email) && (m.Subject ?? "").Contains("replied in", StringComparison.Ordinal)));
        var link = UnsubscribeLink().Match(email.TextBody ?? string.Empty).Value;
        Assert.StartsWith(site.ApiUrl, link);

        var page = await site.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.GetByText("Stop emails about replies to your posts and in threads you follow?")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal(Domain.Notifications.NotificationDelivery.Email, await ReplyChoiceAsync(member));

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop these emails" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("no more emails about replies");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal(Domain.Notifications.NotificationDelivery.InApp, await ReplyChoiceAsync(member));

        // A changed link: a clear message, nothing changes.
        var tampered = await site.NewPageAsync();
        var response = await tampered.GotoAsync(link[..^4] + "AAAA");
        Assert.Equal(400, response!.Status);
        await Expect(tampered.GetByRole(AriaRole.Alert)).ToContainTextAsync("This unsubscribe link is not valid");
    }

    private static async Task<Domain.Notifications.NotificationDelivery> ReplyChoiceAsync(TestMember member) =>
        (await NotificationsApi.SettingsAsync(member.Client)).Choices.Single(c => c.Kind == Domain.Notifications.NotificationKind.Reply).Delivery;

    [GeneratedRegex(@"http\S*/account/unsubscribe\?token=[A-Za-z0-9_-]+")]
    private static partial Regex UnsubscribeLink();
}
