using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class OrganisationTests(SiteFixture site)
{
    [Fact]
    public async Task An_organisation_records_a_guided_self_assessment()
    {
        // An organisation in Southwark that has already said it stands at Connection there.
        var member = await Community.JoinAsync(site.Api.CreateClient, "Orla Orgmember");
        var southwark = (await OrganisationsApi.PlacesAsync(member.Client, "Southwark"))[0];
        var organisation = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile(placeIds: [southwark.Id]));
        await OrganisationsApi.RecordAsync(member.Client, organisation.Id, OrganisationsApi.Assessment(southwark.Id, member.Id, FrameworkStage.Connection));

        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, $"/organisations/{organisation.Slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = organisation.Name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Unverified", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Assess where we stand" }).ClickAsync();

        // Answers: the first three stages fully true, Mutuality only a little.
        async Task AnswerAllAsync(string stage, string answer)
        {
            var radios = page.GetByRole(AriaRole.Group, new() { Name = stage, Exact = true }).GetByRole(AriaRole.Radio, new() { Name = answer });
            Assert.True(await radios.CountAsync() > 0, $"{stage} has statements");
            for (var i = 0; i < await radios.CountAsync(); i++)
            {
                await radios.Nth(i).CheckAsync();
            }
        }

        foreach (var stage in new[] { "Intention", "Established", "Connection" })
        {
            await AnswerAllAsync(stage, "5 Fully");
        }

        await AnswerAllAsync("Mutuality", "2 A little");

        // Keyboard only from here: the suggestion is asked for with Enter on the button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a stage" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suggested stage: Connection" })).ToBeVisibleAsync();
        await Expect(page.GetByText("What distinguishes the next stage, Mutuality:")).ToBeVisibleAsync();
        await Expect(page.GetByText("From understanding to sharing", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Connection (suggested)")).ToBeCheckedAsync();

        // The organisation knows better and overrides the suggestion.
        await page.GetByLabel("Mutuality", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Why you stand there").FillAsync("We now **share a building** with the food bank and run the advice service through it.");
        await page.GetByLabel("Evidence (optional)").FillAsync("https://example.org/shared-building");
        await Expect(page.GetByLabel(member.DisplayName)).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();

        // Back on the organisation's page, the timeline shows the entry and the move that matters most.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/organisations/{organisation.Slug}"));
        await Expect(page.GetByText("Assessment recorded: Mutuality in Southwark.", new() { Exact = false })).ToBeVisibleAsync();
        var timeline = page.Locator("#journey");
        await Expect(timeline.GetByRole(AriaRole.Heading, new() { Name = "In Southwark: at Mutuality now" })).ToBeVisibleAsync();
        var entry = timeline.Locator("li.timeline-key-move");
        await Expect(entry).ToContainTextAsync("The move that matters most: moved from Connection to Mutuality");
        await Expect(entry).ToContainTextAsync("Guided self-assessment: suggested Connection, overridden to Mutuality");
        await Expect(entry.Locator("strong", new() { HasText = "share a building" })).ToBeVisibleAsync();
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "https://example.org/shared-building" })).ToBeVisibleAsync();
        await Expect(entry).ToContainTextAsync($"Agreed by {member.DisplayName}");
    }

    [Fact]
    public async Task A_member_proposes_an_organisation_and_another_says_they_work_there_and_is_approved()
    {
        var proposer = await Community.JoinAsync(site.Api.CreateClient, "Priya Proposer");
        var colleague = await Community.JoinAsync(site.Api.CreateClient, "Cal Colleague");
        var name = $"Bermondsey Commons {Guid.NewGuid().ToString()[..6]}";

        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, proposer.Email, proposer.Password, "/organisations/propose");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Community group" });
        await page.GetByLabel("Southwark", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the organisation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Unverified", new() { Exact = true })).ToBeVisibleAsync();
        var url = page.Url.Split('#')[0];

        var colleaguePage = await site.NewPageAsync();
        await Journeys.SignInAsync(colleaguePage, colleague.Email, colleague.Password, new Uri(url).PathAndQuery);
        await colleaguePage.GetByRole(AriaRole.Button, new() { Name = "I work here" }).ClickAsync();
        await Expect(colleaguePage.GetByText("One of the organisation's admins will confirm that you work here.")).ToBeVisibleAsync();
        await colleaguePage.GotoAsync($"{new Uri(url).PathAndQuery}/edit");
        await Expect(colleaguePage.GetByText("Only its admins can edit this profile")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {colleague.DisplayName}" }).ClickAsync();
        await Expect(page.GetByText($"{colleague.DisplayName} is now listed as a member of the organisation.")).ToBeVisibleAsync();
        await Expect(page.Locator("#people").GetByRole(AriaRole.Link, new() { Name = colleague.DisplayName })).ToBeVisibleAsync();
    }
}
