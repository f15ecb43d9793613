using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>Sessions that end: signing out, a copied cookie, the absolute lifetime, suspension.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class SessionTests(SiteFixture site)
{
    [Fact]
    public async Task A_cookie_copied_before_signing_out_signs_no_one_in_afterwards()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Cookie Owner");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, "/Profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
        // A signed-in person's page is never kept by the browser (the back button after signing out).
        var profile = await page.ReloadAsync();
        Assert.Contains("no-store", profile!.Headers["cache-control"], StringComparison.Ordinal);
        var copied = await page.Context.CookiesAsync();

        await Journeys.SignOutAsync(page);

        // Another browser holding every cookie the first had (the Web's session and the sign-in server's).
        var replay = await site.NewPageAsync();
        await replay.Context.AddCookiesAsync(copied.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await replay.GotoAsync("/Profile");

        // Neither stands: the person is asked for their password, not signed straight back in.
        await Expect(replay).ToHaveURLAsync(AccountLogin());
        await Expect(replay.GetByLabel("Password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_its_absolute_lifetime()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Long Day");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, "/Profile");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeVisibleAsync();

        try
        {
            // Used all along, so never idle for long: still signed in before the lifetime is over...
            site.Web.Clock.Shift = WebFactory.AbsoluteLifetime - TimeSpan.FromMinutes(5);
            await page.GotoAsync("/Profile");
            await Expect(signOut).ToBeVisibleAsync();

            // ...and not after it.
            site.Web.Clock.Shift = WebFactory.AbsoluteLifetime + TimeSpan.FromMinutes(1);
            await page.GotoAsync("/");
            var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        }
        finally
        {
            site.Web.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task An_admin_suspends_a_member_who_is_signed_out_at_once_and_told_why_at_sign_in()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Sam Suspended");
        var memberPage = await site.NewPageAsync();
        await Journeys.SignInAsync(memberPage, member.Email, member.Password, "/Profile");
        await Expect(memberPage.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        var admin = await site.NewPageAsync();
        await Journeys.SignInAsync(admin, ApiFactory.AdminEmail, ApiFactory.AdminPassword, "/Admin/People");
        await admin.GetByLabel("Search by name or email").FillAsync(member.Email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Suspend {member.DisplayName}" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(admin);

        // No reason: the page says what is missing, and no one is suspended.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Suspend {member.DisplayName}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why");
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByLabel("Reason").FillAsync("Posting the same advert in every thread");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Suspend {member.DisplayName}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("is suspended and signed out everywhere");

        // The member's next page is a visitor's, and signing in says why.
        await memberPage.GotoAsync("/Profile");
        await Expect(memberPage).ToHaveURLAsync(AccountLogin());
        await Journeys.SignInOnApiPageAsync(memberPage, member.Email, member.Password);
        await Expect(memberPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("Posting the same advert in every thread");
        await Accessibility.AssertNoViolationsAsync(memberPage);

        // Lifted, they sign in again.
        await admin.GetByLabel("Search by name or email").FillAsync(member.Email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Lift suspension of {member.DisplayName}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("may sign in again");
        await Journeys.SignInOnApiPageAsync(memberPage, member.Email, member.Password);
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sign_in_server_s_sign_out_page_passes_axe()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"{site.ApiUrl}/connect/logout");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [GeneratedRegex("/account/login", RegexOptions.IgnoreCase)]
    private static partial Regex AccountLogin();
}
