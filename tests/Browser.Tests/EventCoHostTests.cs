using System.Net.Http.Json;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class EventCoHostTests(SiteFixture site)
{
    [Fact]
    public async Task A_host_names_a_co_host_by_handle_and_an_unknown_handle_is_a_field_error()
    {
        var host = await Community.JoinAsync(site.Api.CreateClient, "Hana Host", "host");
        var partner = await Community.JoinAsync(site.Api.CreateClient, "Kwame Mensah");
        var handle = partner.DisplayName.ToLowerInvariant().Replace(' ', '-');
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, host.Email, host.Password, "/Events/Edit");

        await page.GetByLabel("Title").FillAsync("Co-hosted webinar");
        await page.GetByLabel("Starts").FillAsync("2030-05-01T12:30");
        await page.GetByLabel("Ends").FillAsync("2030-05-01T14:00");
        await page.GetByLabel("Co-hosts (optional)").FillAsync("@nobody-by-this-name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("No member has the handle @nobody-by-this-name.");

        await page.GetByLabel("Co-hosts (optional)").FillAsync($"@{handle}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Co-hosted webinar", Level = 1 })).ToBeVisibleAsync();

        var eventId = Guid.Parse(page.Url.Split('/')[^1].Split('?')[0]);
        var seen = await partner.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/events/{eventId}");
        Assert.Contains(seen.GetProperty("coHosts").EnumerateArray(), c => c.GetProperty("id").GetGuid() == partner.Id);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Co-hosts (optional)")).ToHaveValueAsync($"@{handle}");
    }
}
