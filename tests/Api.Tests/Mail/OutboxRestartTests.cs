using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Mail;

/// <summary>
/// An Api stopped in the middle of sending (a deploy, a restart) and another started on the same
/// database: every message arrives exactly once, and none waits for the stopped one's lease.
/// </summary>
public sealed class OutboxRestartTests
{
    private const int Messages = 30;

    [Fact]
    public async Task A_restart_in_the_middle_of_sending_delivers_every_message_exactly_once()
    {
        await using var smtp = new TestSmtp { Delay = TimeSpan.FromMilliseconds(150) };
        smtp.Start();
        var first = Configure(new ApiFactory(), smtp);
        await first.InitializeAsync();
        var database = first.ConnectionString;
        var recipients = Enumerable.Range(0, Messages).Select(i => $"restart-{i}-{Guid.NewGuid():N}@tests.communityofpractice.org.uk").ToList();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            foreach (var to in recipients)
            {
                outbox.Add("restart-test", to, new EmailContent($"Message for {to}", "Plain text.", "<p>HTML.</p>"));
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        // Some are through, most are not: stop this Api now.
        await smtp.WaitForAsync(m => m.Subject?.StartsWith("Message for restart-", StringComparison.Ordinal) == true, count: 3);
        await first.DisposeAsync();
        var beforeRestart = smtp.Received.Count;
        Assert.InRange(beforeRestart, 3, Messages - 1);

        smtp.Delay = TimeSpan.Zero;
        await using var second = Configure(new ApiFactory().UseDatabase(database), smtp);
        await second.InitializeAsync();

        // Well within the one-minute lease: the stopped Api released what it had claimed.
        var all = await smtp.WaitForAsync(m => m.Subject?.StartsWith("Message for restart-", StringComparison.Ordinal) == true,
            count: Messages, timeout: TimeSpan.FromSeconds(20));
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Set<OutboxMessage>().CountAsync(m => m.Kind == "restart-test" && m.SentAt == null) == 0;
        }, "every message marked sent", TimeSpan.FromSeconds(10));

        var received = smtp.Received.Where(m => m.Subject?.StartsWith("Message for restart-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(recipients.Order(), received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(Messages, all.Count);
    }

    private static ApiFactory Configure(ApiFactory api, TestSmtp smtp)
    {
        foreach (var (key, value) in smtp.Settings)
        {
            api.WithSetting(key, value);
        }

        return api;
    }
}
