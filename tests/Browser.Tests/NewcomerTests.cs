using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class NewcomerTests(SiteFixture site)
{
    [Fact]
    public async Task A_newcomer_registers_signs_in_edits_their_profile_and_signs_out()
    {
        var page = await site.NewPageAsync();
        var email = Journeys.NewEmail();
        const string password = "Newcomer-pass-2026";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Join", Exact = true }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Nadia Newcomer");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is ready — sign in" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(email);
        await Journeys.SignInOnApiPageAsync(page, email, password);

        await Expect(page).ToHaveURLAsync(new Regex("/Profile$"));
        await Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Nadia Newcomer");
        await page.GetByLabel("Display name").FillAsync("Nadia N.");
        await page.GetByLabel("Bio", new() { Exact = true }).FillAsync("I organise residents in Hackney.");
        await page.GetByLabel("Hackney").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Profile saved");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Nadia N.");
        await Expect(page.GetByLabel("Hackney")).ToBeCheckedAsync();

        await Journeys.SignOutAsync(page);
        await page.GotoAsync("/Profile");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Registering_with_a_weak_password_shows_the_message_by_the_field_and_keeps_the_input()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Display name").FillAsync("Wendy Weak");
        await page.GetByLabel("Email address").FillAsync(Journeys.NewEmail());
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("weak");
        await page.GetByLabel("Confirm password").FillAsync("weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByText("Passwords must be at least 10 characters.").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Wendy Weak");
    }
}
