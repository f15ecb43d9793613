using System.Net.Http.Json;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Api.Emails;
using MimeKit;

namespace CommunityOfPractice.Api.Tests.Mail;

/// <summary>An Api whose outbox delivers to a real SMTP server in the test process.</summary>
public sealed class MailApi : IAsyncLifetime
{
    public TestSmtp Smtp { get; } = new();

    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp.Start();
        Api = new ApiFactory();
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
/// "Forgot my password" through the outbox and real SMTP: one email with a plain-text and an HTML
/// part, a link that works once, the same answer for an address with no account, other sessions
/// ended, and mail that waits out an SMTP outage and then arrives exactly once per message.
/// Runs alone (its own collection): the outage test stops the SMTP server.
/// </summary>
[Collection(nameof(PasswordResetTests))]
public sealed partial class PasswordResetTests(MailApi mail) : IClassFixture<MailApi>
{
    private const string NewPassword = "Brand-new-pass-2026";

    [Fact]
    public async Task A_reset_link_arrives_works_once_and_ends_the_other_sessions()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Forgetful");
        var anonymous = mail.Api.CreateClient();

        using var asked = await anonymous.PostAsJsonAsync("/api/v1/account/password-reset", new PasswordResetRequest(member.Email));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var email = Assert.Single(await mail.Smtp.WaitForAsync(To(member.Email)));

        Assert.Equal("Reset your Community of Practice password", email.Subject);
        Assert.Contains("works once, for one hour", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1", email.HtmlBody, StringComparison.Ordinal);
        var link = ResetLink().Match(email.TextBody ?? string.Empty);
        Assert.True(link.Success, email.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.Value), email.HtmlBody, StringComparison.Ordinal);
        var (memberId, code) = (Guid.Parse(link.Groups["member"].Value), link.Groups["code"].Value);

        using var reset = await anonymous.PostAsJsonAsync("/api/v1/account/password-reset/confirm", new ResetPasswordRequest(memberId, code, NewPassword));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var oldPassword = await Tokens.RequestPasswordGrantAsync(mail.Api.CreateClient(), member.Email, member.Password);
        Assert.False(oldPassword.IsSuccessStatusCode);
        await Tokens.PasswordGrantAsync(mail.Api.CreateClient(), member.Email, NewPassword);
        using var otherSession = await Tokens.RequestRefreshAsync(mail.Api.CreateClient(), member.Token.RefreshToken!);
        Assert.False(otherSession.IsSuccessStatusCode);

        using var again = await anonymous.PostAsJsonAsync("/api/v1/account/password-reset/confirm", new ResetPasswordRequest(memberId, code, "Another-pass-2026"));
        var problem = await Account.RegisterMemberTests.AssertValidationProblem(again);
        Assert.Contains("expired or has been used already", problem.Errors["code"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_without_an_account_gets_the_same_answer_and_no_email()
    {
        var nobody = $"{Guid.NewGuid():N}@tests.communityofpractice.org.uk";
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Control");

        using var unknown = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/password-reset", new PasswordResetRequest(nobody));
        using var known = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/password-reset", new PasswordResetRequest(member.Email));

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        await mail.Smtp.WaitForAsync(To(member.Email)); // sent after the unknown one: had that one produced mail, it would be here
        Assert.DoesNotContain(mail.Smtp.Received, m => To(nobody)(m));
    }

    [Fact]
    public async Task A_bad_address_is_a_400_on_the_field_and_a_forged_code_is_a_400_on_the_code()
    {
        using var empty = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/password-reset", new PasswordResetRequest(""));
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Target");
        using var forged = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/password-reset/confirm", new ResetPasswordRequest(member.Id, "bm90LWEtdG9rZW4", NewPassword));

        Assert.Contains("email", (await Account.RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys);
        Assert.Contains("code", (await Account.RegisterMemberTests.AssertValidationProblem(forged)).Errors.Keys);
        await Tokens.PasswordGrantAsync(mail.Api.CreateClient(), member.Email, member.Password); // unchanged
    }

    [Fact]
    public async Task While_SMTP_is_down_mail_waits_and_each_of_50_messages_arrives_exactly_once_when_it_is_back()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Patient");
        await mail.Smtp.StopAsync();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                using var asked = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/password-reset", new PasswordResetRequest(member.Email));
                Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            }

            // The sender has tried every one of them, and failed: nothing is lost, nothing arrived.
            await OutboxAsync(member.Email, rows => rows.Count == 50 && rows.All(r => r.Attempts > 0));
            Assert.DoesNotContain(mail.Smtp.Received, m => To(member.Email)(m));
        }
        finally
        {
            mail.Smtp.Start();
        }

        var arrived = await mail.Smtp.WaitForAsync(To(member.Email), count: 50, timeout: TimeSpan.FromSeconds(30));

        // Once every row is marked sent none is claimed again, and the server accepted each before it was marked.
        await OutboxAsync(member.Email, rows => rows.All(r => r.SentAt is not null));
        var all = mail.Smtp.Received.Where(To(member.Email)).ToList();
        Assert.Equal(50, all.Count);
        Assert.Equal(50, all.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(50, arrived.Count);
    }

    /// <summary>Waits (30 s at most) until the outbox rows for <paramref name="recipient"/> satisfy <paramref name="done"/>.</summary>
    private Task OutboxAsync(string recipient, Func<List<OutboxMessage>, bool> done) =>
        Eventually.HoldsAsync(async () =>
        {
            await using var scope = mail.Api.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Recipient == recipient && m.Kind == Features.Account.RequestPasswordReset.Kind).ToListAsync();
            return done(rows);
        }, $"the outbox for {recipient}", TimeSpan.FromSeconds(30));

    // Every new account is sent its confirmation email too; these tests are about the others.
    private static Func<MimeMessage, bool> To(string address) =>
        m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
            && m.Subject != AccountEmails.ConfirmAddress("", "").Subject;

    [GeneratedRegex(@"\S*/account/reset-password\?member=(?<member>[0-9a-f-]{36})&code=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();
}
