using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>A member who forgot their password gets back in through the real inbox, and a spent link says so.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class PasswordResetTests(SiteFixture site)
{
    private const string NewPassword = "Remembered-now-2026";

    [Fact]
    public async Task A_member_resets_a_forgotten_password_through_the_email_and_the_link_then_is_spent()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Fergus Forgetful");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync(member.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we have sent it a link");

        var email = Assert.Single(await site.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Email) && (m.Subject ?? "").StartsWith("Reset", StringComparison.Ordinal)));
        var link = ResetLink().Match(email.TextBody ?? string.Empty).Value;
        Assert.StartsWith(site.ApiUrl, link);

        await page.GotoAsync(link);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");

        await Journeys.SignInAsync(page, member.Email, NewPassword);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Profile" })).ToBeVisibleAsync();

        // The same link again: a clear message, and a way to ask for a new one.
        var late = await site.NewPageAsync();
        await late.GotoAsync(link);
        await late.GetByLabel("New password").FillAsync("Second-try-pass-2026");
        await late.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Expect(late.GetByRole(AriaRole.Alert)).ToContainTextAsync("expired or has been used already");
        await Expect(late.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(late);
    }

    [GeneratedRegex(@"http\S*/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
