using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>Steps people take through real pages, shared by the journeys.</summary>
internal static partial class Journeys
{
    /// <summary>From any Web page: through the Api's sign-in page and back.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await SignInOnApiPageAsync(page, email, password);
    }

    public static async Task SignInOnApiPageAsync(IPage page, string email, string password)
    {
        await Assertions.Expect(page).ToHaveURLAsync(AccountLogin());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    public static string NewEmail() => $"{Guid.NewGuid():N}@browser.communityofpractice.org.uk";

    public static Task<TestMember> JoinThroughApiAsync(SiteFixture site, string name) =>
        Community.JoinAsync(site.Api.CreateClient, name);

    [GeneratedRegex("/account/login", RegexOptions.IgnoreCase)]
    private static partial Regex AccountLogin();
}
