using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts.Community;
using MimeKit;

namespace CommunityOfPractice.Api.Tests.Mail;

/// <summary>
/// Moving an account to a new address: asked for with the password, confirmed by the link sent to
/// the new address (until then nothing changes), the old address told both times, the link good
/// once, and an address that has an account already told so without the asker learning it.
/// </summary>
public sealed partial class EmailChangeTests(MailApi mail) : IClassFixture<MailApi>
{
    [Fact]
    public async Task The_account_moves_only_when_the_link_sent_to_the_new_address_is_followed()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Moving Person");
        var newEmail = $"moved-{Guid.NewGuid():N}@tests.communityofpractice.org.uk";

        using (var asked = await member.Client.PostAsJsonAsync("/api/v1/me/email", new ChangeEmailRequest(newEmail, member.Password)))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var confirm = Assert.Single(await mail.Smtp.WaitForAsync(To(newEmail)));
        Assert.Equal("Confirm your new email address for Community of Practice", confirm.Subject);
        var link = ChangeLink().Match(confirm.TextBody ?? string.Empty);
        Assert.True(link.Success, confirm.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.Value), confirm.HtmlBody, StringComparison.Ordinal);
        var notice = Assert.Single(await mail.Smtp.WaitForAsync(m => To(member.Email)(m) && m.Subject!.Contains("change", StringComparison.Ordinal)));
        Assert.Equal("A change of your Community of Practice email address was asked for", notice.Subject);
        Assert.Contains("m•••@tests.communityofpractice.org.uk", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, notice.TextBody, StringComparison.Ordinal);

        // Nothing changed yet: the profile says what waits, and the old address still signs in.
        var waiting = await MeAsync(member.Client);
        Assert.Equal((member.Email, newEmail), (waiting.Email, waiting.PendingEmail));
        using (var early = await Tokens.RequestPasswordGrantAsync(mail.Api.CreateClient(), newEmail, member.Password))
        {
            Assert.False(early.IsSuccessStatusCode);
        }

        // The page the link opens asks first: opening it changes nothing.
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link.Value).Query);
        using (var page = await mail.Api.CreateClient().GetAsync(new Uri(link.Value).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Move your Community of Practice account to", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(member.Email, (await MeAsync(member.Client)).Email);

        var body = new ConfirmEmailChangeRequest(Guid.Parse(query["member"]!), query["email"], query["code"]);
        using (var confirmed = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/email-change/confirm", body))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        }

        var moved = await MeAsync(member.Client);
        Assert.Equal((newEmail, (string?)null), (moved.Email, moved.PendingEmail));
        await Tokens.PasswordGrantAsync(mail.Api.CreateClient(), newEmail, member.Password);
        using (var old = await Tokens.RequestPasswordGrantAsync(mail.Api.CreateClient(), member.Email, member.Password))
        {
            Assert.False(old.IsSuccessStatusCode);
        }

        var changed = Assert.Single(await mail.Smtp.WaitForAsync(m => To(member.Email)(m) && m.Subject == "Your Community of Practice email address was changed"));
        Assert.Contains("m•••@tests.communityofpractice.org.uk", changed.TextBody, StringComparison.Ordinal);

        // The link was good once.
        using var again = await mail.Api.CreateClient().PostAsJsonAsync("/api/v1/account/email-change/confirm", body);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory]
    [InlineData("", "right", "newEmail", "Enter the new email address.")]
    [InlineData("not-an-address", "right", "newEmail", "Enter an email address like name@example.org.")]
    [InlineData("new", "", "currentPassword", "Enter your current password, to show it is you.")]
    [InlineData("new", "Wrong-pass-2026!", "currentPassword", "That is not your current password.")]
    [InlineData("self", "right", "newEmail", "That is already your address.")]
    public async Task A_bad_request_is_a_400_on_its_field_and_sends_nothing(string newEmail, string password, string field, string message)
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Careless Mover");
        var address = newEmail switch
        {
            "new" => $"{Guid.NewGuid():N}@tests.communityofpractice.org.uk",
            "self" => member.Email.ToUpperInvariant(),
            _ => newEmail,
        };

        using var asked = await member.Client.PostAsJsonAsync("/api/v1/me/email", new ChangeEmailRequest(address, password == "right" ? member.Password : password));

        var problem = await RegisterMemberTests.AssertValidationProblem(asked);
        Assert.Equal([message], problem.Errors[field]);
        Assert.Null((await MeAsync(member.Client)).PendingEmail);
    }

    [Fact]
    public async Task An_address_with_an_account_is_told_so_and_the_asker_sees_the_usual_answer()
    {
        var member = await Community.JoinAsync(mail.Api.CreateClient, "Would-be Mover");
        var other = await Community.JoinAsync(mail.Api.CreateClient, "Address Owner");

        using (var asked = await member.Client.PostAsJsonAsync("/api/v1/me/email", new ChangeEmailRequest(other.Email, member.Password)))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var told = Assert.Single(await mail.Smtp.WaitForAsync(m => To(other.Email)(m) && m.Subject == "This address already has a Community of Practice account"));
        Assert.DoesNotMatch(ChangeLink(), told.TextBody ?? string.Empty);
        var me = await MeAsync(member.Client);
        Assert.Equal((member.Email, (string?)null), (me.Email, me.PendingEmail));
    }

    private static async Task<MyProfile> MeAsync(HttpClient client)
    {
        using var me = await client.GetAsync("/api/v1/me");
        return await ThreadsApi.ExpectAsync<MyProfile>(me, HttpStatusCode.OK);
    }

    private static Func<MimeMessage, bool> To(string address) =>
        m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"http://localhost:5081/account/confirm-email-change\?member=[0-9a-f-]{36}&email=[^&\s]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex ChangeLink();
}
