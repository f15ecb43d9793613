using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>A member moves their account to a new address from their profile, and follows the link the new address receives.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class EmailChangeTests(SiteFixture site)
{
    [Fact]
    public async Task A_member_changes_their_address_from_the_profile_and_signs_in_with_it_once_confirmed()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Maya Mover");
        var newEmail = $"maya-{Guid.NewGuid():N}@tests.communityofpractice.org.uk";
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, "/Profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "change your email address" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your email address", Level = 1 })).ToBeVisibleAsync();

        // Nothing filled in, then a wrong password: each said on its field.
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send the link" });
        await send.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the new email address.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("New email address").FillAsync(newEmail);
        await page.GetByLabel("Current password").FillAsync("Not-my-password-1!");
        await send.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That is not your current password.");
        await Expect(page.GetByLabel("New email address")).ToHaveValueAsync(newEmail);
        await Expect(page.GetByLabel("Current password")).ToHaveValueAsync(string.Empty);

        await page.GetByLabel("Current password").FillAsync(member.Password);
        await send.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Profile$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"We sent a link to {newEmail}.");
        await Expect(page.Locator("#email-pending")).ToContainTextAsync(newEmail);
        await Accessibility.AssertNoViolationsAsync(page);

        var email = Assert.Single(await site.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == newEmail)));
        var link = ChangeLink().Match(email.TextBody ?? string.Empty).Value;
        Assert.StartsWith(site.ApiUrl, link);

        var confirm = await site.NewPageAsync();
        await confirm.GotoAsync(link);
        await Expect(confirm.GetByText("Move your Community of Practice account to")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(confirm);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Use this address" }).ClickAsync();
        await Expect(confirm.GetByRole(AriaRole.Status)).ToContainTextAsync($"Done: your account now uses {newEmail}.");
        await Accessibility.AssertNoViolationsAsync(confirm);

        var again = await site.NewPageAsync();
        await Journeys.SignInAsync(again, newEmail, member.Password, "/Profile");
        await Expect(again.GetByText($"You sign in as {newEmail}")).ToBeVisibleAsync();
        await Expect(again.Locator("#email-pending")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"http\S*/account/confirm-email-change\?member=[0-9a-f-]{36}&email=[^&\s]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex ChangeLink();
}
