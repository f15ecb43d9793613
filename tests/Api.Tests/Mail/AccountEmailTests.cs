using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommunityOfPractice.Api.Tests.Mail;

/// <summary>An Api as it runs outside Development: no sign-in until the address is confirmed.</summary>
public sealed class ConfirmingMailApi : IAsyncLifetime
{
    public TestSmtp Smtp { get; } = new();

    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp.Start();
        Api = new ApiFactory().WithSetting("Identity:RequireConfirmedEmail", "true");
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
/// The confirmation email of a new account (sent through the outbox with the account itself),
/// its link, and the resend that answers the same for any address; and an address the mail
/// server refuses for good: tried once, marked, shown on the profile, sent nothing more.
/// </summary>
public sealed partial class AccountEmailTests(ConfirmingMailApi mail) : IClassFixture<ConfirmingMailApi>
{
    [Fact]
    public async Task A_new_account_signs_in_only_after_following_the_link_its_email_brought()
    {
        var request = JoiningApi.Request(null, why: null, name: "Confirming Person");
        using (var registered = await JoiningApi.SendRegisterAsync(mail.Api.CreateClient(), request))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var email = Assert.Single(await mail.Smtp.WaitForAsync(To(request.Email)));
        Assert.Equal("Confirm your email address for Community of Practice", email.Subject);
        Assert.Contains($"Hello {request.DisplayName},", email.TextBody, StringComparison.Ordinal);
        var link = ConfirmLink().Match(email.TextBody ?? string.Empty);
        Assert.True(link.Success, email.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.Value), email.HtmlBody, StringComparison.Ordinal);

        using (var early = await Tokens.RequestPasswordGrantAsync(mail.Api.CreateClient(), request.Email, request.Password))
        {
            Assert.False(early.IsSuccessStatusCode);
            Assert.Contains("confirm", await early.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var path = new Uri(link.Value).PathAndQuery;
        using (var confirmed = await mail.Api.CreateClient().GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("your address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Tokens.PasswordGrantAsync(mail.Api.CreateClient(), request.Email, request.Password);

        // A link that was changed confirms nothing.
        using var forged = await mail.Api.CreateClient().GetAsync(path[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Resending_answers_the_same_for_any_address_and_mails_only_an_unconfirmed_account()
    {
        var request = JoiningApi.Request(null, why: null, name: "Resending Person");
        using (var registered = await JoiningApi.SendRegisterAsync(mail.Api.CreateClient(), request))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var nobody = $"{Guid.NewGuid():N}@tests.communityofpractice.org.uk";
        using var unknown = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/confirm-email/resend", new PasswordResetRequest(nobody));
        using var known = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/confirm-email/resend", new PasswordResetRequest(request.Email));

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(2, (await mail.Smtp.WaitForAsync(To(request.Email), count: 2)).Count);
        Assert.DoesNotContain(mail.Smtp.Received, m => To(nobody)(m));
    }

    [Fact]
    public async Task An_address_refused_for_good_is_tried_once_shown_on_the_profile_and_sent_nothing_more()
    {
        var request = JoiningApi.Request(null, why: null, name: "Bouncing Person");
        mail.Smtp.Refusing[request.Email] = 0;
        using (var registered = await JoiningApi.SendRegisterAsync(mail.Api.CreateClient(), request))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // Confirmed directly (as if by an admin), so that it can sign in and read its profile.
        var (profile, client) = await WaitForProfileAsync(request);
        Assert.StartsWith("550 ", profile.EmailRefused, StringComparison.Ordinal);
        Assert.Equal(1, mail.Smtp.Refusing[request.Email]);

        // Its notifications stay under the bell and are not emailed to the refusing address.
        using var admin = await Community.AdminAsync(mail.Api.CreateClient);
        var thread = await ThreadsApi.StartAsync(client, "Bouncing thread");
        await ThreadsApi.ReplyAsync(admin, thread.Id, "A reply they will see under the bell only.");
        await NotificationsApi.WaitForAsync(client, p => p.Items.Count == 1);
        await WaitUntilAsync(async db => await db.Set<CommunityOfPractice.Domain.Notifications.Notification>()
            .AnyAsync(n => n.MemberId == profile.Id && n.EmailedAt != null));
        Assert.Equal(1, mail.Smtp.Refusing[request.Email]);
        Assert.DoesNotContain(mail.Api.Services.CreateScope().ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>()
            .Set<CommunityOfPractice.Api.Infrastructure.Mail.OutboxMessage>().Where(m => m.Recipient == request.Email).Select(m => m.Kind).ToList(),
            kind => kind.StartsWith("notification", StringComparison.Ordinal));
    }

    private Task WaitUntilAsync(Func<CommunityOfPractice.Api.Data.AppDbContext, Task<bool>> done) =>
        Eventually.HoldsAsync(async () =>
        {
            await using var scope = mail.Api.Services.CreateAsyncScope();
            return await done(scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>());
        }, "the account's rows");

    private async Task<(MyProfile Profile, HttpClient Client)> WaitForProfileAsync(RegisterMemberRequest request)
    {
        await WaitUntilAsync(async db => await db.Users.AnyAsync(u => u.Email == request.Email && u.EmailRefused != null));
        await WaitUntilAsync(async db => await db.Users.Where(u => u.Email == request.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)) == 1);

        var client = mail.Api.CreateClient();
        client.Authorize((await Tokens.PasswordGrantAsync(client, request.Email, request.Password)).AccessToken);
        using var me = await client.GetAsync("/api/v1/me");
        return (await ThreadsApi.ExpectAsync<MyProfile>(me, HttpStatusCode.OK), client);
    }

    private static Func<MimeMessage, bool> To(string address) =>
        m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"http://localhost:5081/account/confirm-email\?member=[0-9a-f-]{36}&code=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
