namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class AdminTests(SiteFixture site)
{
    [Fact]
    public async Task An_admin_grants_the_host_role_and_the_person_holds_it()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Hamid Host");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, ApiFactory.AdminEmail, ApiFactory.AdminPassword, "/Admin/People");

        await page.GetByLabel("Search by name or email").FillAsync(member.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Grant event host to {member.DisplayName}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Revoke event host from {member.DisplayName}" })).ToBeVisibleAsync();
        var token = await Tokens.PasswordGrantAsync(site.Api.CreateClient(), member.Email, member.Password);
        var client = site.Api.CreateClient();
        client.Authorize(token.AccessToken);
        Assert.Contains("\"host\"", await client.GetStringAsync("/api/v1/me"));
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_is_turned_away_from_the_admin_pages()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Curious Member");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/Admin/People");

        Assert.DoesNotContain("/Admin/People", page.Url.Split('?')[0]);
        Assert.NotNull(response);
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }
}
