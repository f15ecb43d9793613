using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class PortfolioTests(SiteFixture site)
{
    [Fact]
    public async Task The_funder_portfolio_chart()
    {
        // A funder organisation, a new place, and a charity there that moved Connection → Mutuality
        // (the move itself shared with this funder only), all made through the Api.
        var funder = await Community.JoinAsync(site.Api.CreateClient, "Fiona Funder", "funder");
        var funderOrganisation = await OrganisationsApi.ProposeAsync(funder.Client, OrganisationsApi.Profile($"Place Fund {Guid.NewGuid().ToString()[..6]}", OrganisationKind.Funder));
        using var admin = await Community.AdminAsync(site.Api.CreateClient);
        var place = await PortfolioApi.AddPlaceAsync(admin, "Walworth");
        var charityAdmin = await Community.JoinAsync(site.Api.CreateClient, "Chidi Charity");
        var charity = await OrganisationsApi.ProposeAsync(charityAdmin.Client, OrganisationsApi.Profile(placeIds: [place.Id]));
        await OrganisationsApi.RecordAsync(charityAdmin.Client, charity.Id,
            OrganisationsApi.Assessment(place.Id, charityAdmin.Id, FrameworkStage.Connection, new DateOnly(2024, 1, 15)));
        await OrganisationsApi.RecordAsync(charityAdmin.Client, charity.Id,
            OrganisationsApi.Assessment(place.Id, charityAdmin.Id, FrameworkStage.Mutuality, new DateOnly(2024, 9, 1), AssessmentVisibility.Funders, [funderOrganisation.Id]));

        // The funder follows the place from its page.
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, funder.Email, funder.Password, $"/places/{place.Slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Follow {place.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"You follow {place.Name}" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Unfollow {place.Name}" })).ToBeVisibleAsync();

        // The portfolio: the place's spread and the charity's movement, each a chart with its table.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your portfolio" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"How the organisations in {place.Name} spread over the stages" })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = $"How {charity.Name} moved through the stages" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveJSPropertyAsync("tagName", "svg");
        var table = page.GetByRole(AriaRole.Table, new() { Name = $"{charity.Name}'s stages by place and date" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "moved from Connection to Mutuality" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("1 Sept? 2024"));
        var distribution = page.GetByRole(AriaRole.Table, new() { Name = $"Organisations in {place.Name} at each stage now" });
        await Expect(distribution.GetByRole(AriaRole.Row, new() { Name = "Mutuality 1" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The same points as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the data (CSV)" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Organisation\",\"Place\",\"Date\",\"Stage\",\"Moved from\",\"Followed\"", lines[0]);
        Assert.Contains($"\"{charity.Name}\",\"{place.Name}\",\"2024-01-15\",\"Connection\",\"\",\"no\"", lines);
        Assert.Contains($"\"{charity.Name}\",\"{place.Name}\",\"2024-09-01\",\"Mutuality\",\"Connection\",\"no\"", lines);
    }
}
