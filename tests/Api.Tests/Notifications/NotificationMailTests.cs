using System.Text.RegularExpressions;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CommunityOfPractice.Api.Emails;
using MimeKit;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>An Api whose notification emails go to a real SMTP server here, with short windows and digest periods.</summary>
public sealed class NotificationMailApi : IAsyncLifetime
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    public TestSmtp Smtp { get; } = new();

    public ApiFactory Api { get; private set; } = null!;

    public NotificationMailer Mailer => Api.Services.GetServices<IHostedService>().OfType<NotificationMailer>().Single();

    public async Task InitializeAsync()
    {
        Smtp.Start();
        Api = new ApiFactory()
            .WithSetting("Notifications:PollInterval", "00:00:00.200")
            .WithSetting("Notifications:EmailWindow", Window.ToString())
            .WithSetting("Notifications:DailyDigestEvery", "00:00:03")
            .WithSetting("Notifications:WeeklyDigestEvery", "00:00:03");
        foreach (var (key, value) in Smtp.Settings)
        {
            Api.WithSetting(key, value);
        }

        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Notifications that reach a member by email, as they chose: at once (one email per window for a
/// busy thread), in a digest (once per period, only with something to say), or not at all after
/// the one-click unsubscribe, whose tampered link changes nothing.
/// </summary>
public sealed partial class NotificationMailTests(NotificationMailApi mail) : IClassFixture<NotificationMailApi>
{
    [Fact]
    public async Task A_reply_is_emailed_at_once_with_absolute_links_and_a_flood_gives_one_more_email_when_the_window_ends()
    {
        var starter = await Community.JoinAsync(mail.Api.CreateClient, "Emailed Starter");
        var replier = await Community.JoinAsync(mail.Api.CreateClient, "Busy Replier");
        var thread = await ThreadsApi.StartAsync(starter.Client, "Power of Place follow-up");

        var first = await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "The hall is booked for **25 April**.");
        var email = Assert.Single(await mail.Smtp.WaitForAsync(To(starter.Email)));

        Assert.Equal($"{replier.DisplayName} replied in “Power of Place follow-up”", email.Subject);
        var link = $"http://localhost:5080/Threads/{thread.Id}#post-{first.Number}";
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("The hall is booked for 25 April.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/Notifications/Settings", email.TextBody, StringComparison.Ordinal);
        Assert.Matches(UnsubscribePage(), email.TextBody);
        Assert.Matches(@"^<http://localhost:5081/api/v1/notifications/unsubscribe\?token=[A-Za-z0-9_-]+>$", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);

        // Five more inside the window: none goes at once; when it ends, one email tells of them, with the newest.
        for (var i = 1; i <= 5; i++)
        {
            await ThreadsApi.ReplyAsync(replier.Client, thread.Id, $"Flood {i}");
        }

        var both = await mail.Smtp.WaitForAsync(To(starter.Email), count: 2);
        var second = both.Single(m => m.MessageId != email.MessageId);
        Assert.Equal($"6 new replies in “Power of Place follow-up”, the latest from {replier.DisplayName}", second.Subject);
        Assert.Contains("Flood 5", second.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/Threads/{thread.Id}#post-7", second.TextBody, StringComparison.Ordinal);

        // Nothing else is due for them: two emails for six replies, all in one notification.
        await mail.Mailer.SendDueAsync(CancellationToken.None);
        Assert.Equal(second.Subject, Assert.Single((await NotificationsApi.ListAsync(starter.Client)).Items).Title);
        Assert.Equal(2, mail.Smtp.Received.Count(To(starter.Email)));
    }

    [Fact]
    public async Task A_daily_digest_gathers_what_came_before_its_period_once_and_nothing_goes_at_once()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Digest Reader");
        var replier = await Community.JoinAsync(mail.Api.CreateClient, "Digest Replier");
        await NotificationsApi.ChooseAsync(member.Client, NotificationKind.Reply, NotificationDelivery.Daily);
        var thread = await ThreadsApi.StartAsync(member.Client, "Digest me");

        var elsewhere = await ThreadsApi.StartAsync(member.Client, "Digest me too");

        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Digest item one");
        await ThreadsApi.ReplyAsync(replier.Client, elsewhere.Id, "Digest item two");
        await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == 2);

        // The two may straddle a period's start: then they come in two digests, never twice.
        var digests = await WaitForDigestsAsync(member.Email, "Digest item one", "Digest item two");
        Assert.All(digests, d => Assert.StartsWith("Your day in Community of Practice: ", d.Subject, StringComparison.Ordinal));
        Assert.Single(digests, d => Text(d).Contains("Digest item one", StringComparison.Ordinal));
        Assert.Single(digests, d => Text(d).Contains("Digest item two", StringComparison.Ordinal));

        // With nothing new to say, no digest: the next period passes without one.
        Assert.Equal(0, await mail.Mailer.SendDueAsync(CancellationToken.None));
        Assert.Equal(digests.Count, mail.Smtp.Received.Count(To(member.Email)));
    }

    [Fact]
    public async Task One_click_unsubscribe_keeps_the_kind_in_app_only_and_a_tampered_link_changes_nothing()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Unsubscriber");
        var replier = await Community.JoinAsync(mail.Api.CreateClient, "Unsub Replier");
        var thread = await ThreadsApi.StartAsync(member.Client, "Unsubscribe me");
        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "First, by email.");
        var email = Assert.Single(await mail.Smtp.WaitForAsync(To(member.Email)));
        var token = UnsubscribePage().Match(Text(email)).Groups["token"].Value;
        var anonymous = mail.Api.CreateClient();

        using (var page = await anonymous.GetAsync($"/account/unsubscribe?token={token}"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Stop emails about replies to your posts and in threads you follow?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using (var page = await anonymous.GetAsync($"/account/unsubscribe?token={tampered}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        }

        using (var oneClick = await anonymous.PostAsync($"/api/v1/notifications/unsubscribe?token={tampered}", OneClickBody()))
        {
            Assert.Equal("token", Assert.Single((await RegisterMemberTests.AssertValidationProblem(oneClick)).Errors.Keys));
        }

        Assert.All((await NotificationsApi.SettingsAsync(member.Client)).Choices, c => Assert.True(c.IsDefault));

        // What a mail client does with the List-Unsubscribe header (RFC 8058).
        var oneClickUrl = new Uri(email.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using (var oneClick = await anonymous.PostAsync(oneClickUrl.PathAndQuery, OneClickBody()))
        {
            Assert.Equal(HttpStatusCode.NoContent, oneClick.StatusCode);
        }

        var settings = await NotificationsApi.SettingsAsync(member.Client);
        Assert.Equal(NotificationDelivery.InApp, settings.Choices.Single(c => c.Kind == NotificationKind.Reply).Delivery);
        Assert.Equal(NotificationDelivery.Email, settings.Choices.Single(c => c.Kind == NotificationKind.Mention).Delivery);

        // Still under the bell, never again by email (a mention, still by email, arrives after it and proves the mailer ran).
        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Second, in-app only.");
        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, $"Over to you, {NotificationsApi.Handle(member)}.");
        await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == 2 && p.Items.Any(n => n.Text == "Second, in-app only."));
        await mail.Smtp.WaitForAsync(m => To(member.Email)(m) && (m.Subject ?? "").Contains("mentioned you", StringComparison.Ordinal));
        Assert.DoesNotContain(mail.Smtp.Received.Where(To(member.Email)), m => Text(m).Contains("Second, in-app only.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_news_carries_its_calendar_entry_with_the_calendars_own_method()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Calendar Reader");
        const string calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:test@communityofpractice.org.uk\r\nSEQUENCE:2\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using (var scope = mail.Api.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            notifier.Notify(NotificationKind.EventUpdate, [member.Id],
                new NotificationMessage("“Power of Place” is cancelled", "The venue flooded.", "/Events/x") { Calendar = calendar });
            await scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>().SaveChangesAsync();
        }

        var email = Assert.Single(await mail.Smtp.WaitForAsync(To(member.Email)));
        var ics = Assert.IsAssignableFrom<MimePart>(Assert.Single(email.Attachments));
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        Assert.Equal("CANCEL", ics.ContentType.Parameters["method"]);
        Assert.Equal("event.ics", ics.FileName);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        Assert.Equal(calendar, System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.DoesNotContain("BEGIN:VCALENDAR", (await NotificationsApi.ListAsync(member.Client)).Items.Single().Text, StringComparison.Ordinal);
    }

    private async Task<List<MimeMessage>> WaitForDigestsAsync(string address, params string[] items)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(
            items.All(item => mail.Smtp.Received.Where(To(address)).Any(d => Text(d).Contains(item, StringComparison.Ordinal)))),
            "digests covering every item");
        return [.. mail.Smtp.Received.Where(To(address))];
    }

    private static string Text(MimeMessage message) => message.TextBody ?? string.Empty;

    private static FormUrlEncodedContent OneClickBody() => new([new("List-Unsubscribe", "One-Click")]);

    // Every new account is sent its confirmation email too; these tests are about the others.
    private static Func<MimeMessage, bool> To(string address) =>
        m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
            && m.Subject != AccountEmails.ConfirmAddress("", "").Subject;

    [GeneratedRegex(@"http://localhost:5081/account/unsubscribe\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribePage();
}
