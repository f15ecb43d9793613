using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>
/// A place's page in a real browser: one stage filter narrows it, and what is started in the
/// place while someone reads the page appears there, said to screen readers, without a reload.
/// Each test makes its own place, so the lists hold only what the test put there.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class PlaceTests(SiteFixture site)
{
    [Fact]
    public async Task The_stage_filter_narrows_the_place_page_to_one_stage()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Sam Southwark");
        var place = await NewPlaceAsync();
        await ThreadsApi.StartAsync(member.Client, "Tenants and the council meet monthly", more: new { placeIds = new[] { place.Id }, stage = "Connection" });
        await ThreadsApi.StartAsync(member.Client, "Our shared budget, a year on", more: new { placeIds = new[] { place.Id }, stage = "Mutuality" });

        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, $"/places/{place.Slug}");
        var discussions = page.GetByRole(AriaRole.Region, new() { Name = "Discussions" });
        await Expect(discussions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        await page.GetByLabel("Framework stage").SelectOptionAsync("Connection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(StageConnection());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(place.Name);
        await Expect(discussions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(discussions).ToContainTextAsync("Tenants and the council meet monthly");
        await Expect(page.GetByLabel("Framework stage")).ToHaveValueAsync("Connection");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show every stage" }).ClickAsync();
        await Expect(discussions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_discussion_started_in_the_place_appears_on_an_open_page_and_is_announced()
    {
        var reader = await Journeys.JoinThroughApiAsync(site, "Rae Reader");
        var writer = await Journeys.JoinThroughApiAsync(site, "Wil Writer");
        var place = await NewPlaceAsync();
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, reader.Email, reader.Password, $"/places/{place.Slug}");
        var discussions = page.GetByRole(AriaRole.Region, new() { Name = "Discussions" });
        await Expect(discussions).ToContainTextAsync("No discussions here yet");
        await Expect(page.Locator("#place-live-status")).ToHaveAttributeAsync("data-state", "on");
        var loads = 0;
        page.Load += (_, _) => loads++;

        await ThreadsApi.StartAsync(writer.Client, "Why focus on place now?", more: new { placeIds = new[] { place.Id }, stage = "Connection" });

        var arrived = discussions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Why focus on place now?" });
        await Expect(arrived).ToHaveCountAsync(1);
        await Expect(arrived).ToHaveClassAsync(new Regex("arrived"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "New discussion: Why focus on place now?" })).ToHaveCountAsync(1);
        Assert.Equal(0, loads);
    }

    private async Task<PlaceView> NewPlaceAsync()
    {
        using var admin = await Community.AdminAsync(site.Api.CreateClient);
        using var response = await admin.PostAsJsonAsync("/api/v1/places", new AddPlaceRequest($"Bankside {Guid.NewGuid().ToString()[..8]}", PlaceKind.Neighbourhood), Json.Options);
        return await response.ReadAsync<PlaceView>();
    }

    [GeneratedRegex("stage=Connection")]
    private static partial Regex StageConnection();
}
