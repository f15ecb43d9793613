using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class DirectoryTests(SiteFixture site)
{
    private static readonly ListingChoice _everything = new(true, true, true, true);

    [Fact]
    public async Task A_member_lists_themselves_and_another_finds_them_by_place_in_the_directory()
    {
        var token = $"Dir{Guid.NewGuid():N}"[..12];
        var inHackney = await Journeys.JoinThroughApiAsync(site, $"{token} Hackney");
        var inSouthwark = await Journeys.JoinThroughApiAsync(site, $"{token} Southwark");
        var places = await OrganisationsApi.PlacesAsync(inHackney.Client, "Hackney", "Southwark");
        await DirectoryApi.ListAsync(inHackney, _everything, placeIds: [places[0].Id]);
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, inSouthwark.Email, inSouthwark.Password, "/Profile");

        // The member who has not chosen yet lists themselves from their profile, with their places.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Southwark", Exact = true }).CheckAsync();
        await page.GetByLabel("List me in the directory").CheckAsync();
        await page.GetByLabel("The places I work in").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Profile saved");

        await page.GotoAsync("/people");
        await page.GetByLabel("Name contains").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show people" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = inHackney.DisplayName })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = inSouthwark.DisplayName })).ToBeVisibleAsync();

        await page.GetByLabel("Place", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Southwark" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show people" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("place=southwark"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = inSouthwark.DisplayName })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = inHackney.DisplayName })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_visitor_filters_the_organisations_by_kind_and_stage()
    {
        var token = $"Dirorg{Guid.NewGuid():N}"[..14];
        var member = await Journeys.JoinThroughApiAsync(site, "Org Proposer");
        var southwark = (await OrganisationsApi.PlacesAsync(member.Client, "Southwark"))[0];
        var charity = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile($"{token} Charity", OrganisationKind.Charity, [southwark.Id]));
        var council = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile($"{token} Council", OrganisationKind.Council, [southwark.Id]));
        await OrganisationsApi.RecordAsync(member.Client, council.Id, OrganisationsApi.Assessment(southwark.Id, member.Id, FrameworkStage.Connection));
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/organisations?q={token}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = charity.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = council.Name })).ToContainTextAsync("Connection in Southwark");

        await page.GetByLabel("Current stage").SelectOptionAsync("Connection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show organisations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = council.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = charity.Name })).ToHaveCountAsync(0);

        await page.GetByLabel("Current stage").SelectOptionAsync("");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Charity" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show organisations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = charity.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = council.Name })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_member_proposes_a_place_and_an_admin_approves_it_for_everyone()
    {
        var member = await Journeys.JoinThroughApiAsync(site, "Place Proposer");
        var name = $"Queens Road {Guid.NewGuid().ToString()[..8]}";
        var memberPage = await site.NewPageAsync();
        await Journeys.SignInAsync(memberPage, member.Email, member.Password, "/places");
        await memberPage.GetByRole(AriaRole.Link, new() { Name = "Propose one" }).ClickAsync();
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Propose place" }).ClickAsync();
        await Expect(memberPage.Locator(".error-summary")).ToContainTextAsync("Enter the place's name.");
        await memberPage.GetByLabel("Name").FillAsync(name);
        await memberPage.GetByLabel("Kind").SelectOptionAsync("Neighbourhood");
        await memberPage.GetByLabel("Inside (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Southwark" });
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Propose place" }).ClickAsync();
        await Expect(memberPage.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} waits for an admin");
        var proposal = Assert.Single(await member.Client.GetFromJsonAsync<PlaceProposal[]>("/api/v1/places/proposals", Json.Options) ?? [], p => p.Name == name);
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, ApiFactory.AdminEmail, ApiFactory.AdminPassword, "/Admin/Places");

        await Expect(page.GetByRole(AriaRole.Row, new() { Name = proposal.Name })).ToContainTextAsync(member.DisplayName);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {proposal.Name}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{proposal.Name} is approved");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Approve {proposal.Name}" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = proposal.Name })).ToBeVisibleAsync();
        var other = await Journeys.JoinThroughApiAsync(site, "Other Member");
        var places = await other.Client.GetFromJsonAsync<PlaceView[]>("/api/v1/places?activity=false", Json.Options);
        Assert.Contains(places!, p => p.Id == proposal.Id);
    }
}
