namespace CommunityOfPractice.Browser.Tests;

/// <summary>Every page, as a visitor and as a member who holds every role (so every control shows), passes axe.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Events")]
    [InlineData("/Library")]
    [InlineData("/places")]
    [InlineData("/places/southwark")]
    [InlineData("/places/southwark?stage=Connection")]
    [InlineData("/Account/Register")]
    [InlineData("/organisations")]
    [InlineData("/organisations?stage=Connection&kind=Charity")]
    [InlineData("/tags/PowerofPlace")]
    public async Task A_visitor_page_passes_axe(string path)
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync(path);

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_organisation_page_passes_axe_for_a_visitor()
    {
        var member = await Community.JoinAsync(site.Api.CreateClient, "Vic Visited");
        var southwark = (await OrganisationsApi.PlacesAsync(member.Client, "Southwark"))[0];
        var organisation = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile(placeIds: [southwark.Id]));
        await OrganisationsApi.RecordAsync(member.Client, organisation.Id, OrganisationsApi.Assessment(southwark.Id, member.Id));
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/organisations/{organisation.Slug}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = organisation.Name, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_check_finds_what_axe_would_report()
    {
        var page = await site.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><img src=\"x.png\"><a href=\"/\"></a></main></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("link-name", failure.Message);
    }

    [Fact]
    public async Task The_sign_in_page_passes_axe()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_notification_pages_pass_axe_empty_and_with_a_notification()
    {
        var member = await Community.JoinAsync(site.Api.CreateClient, "Nia Notified");
        var replier = await Community.JoinAsync(site.Api.CreateClient, "Ray Replier");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, "/Notifications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nothing here yet" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var thread = await ThreadsApi.StartAsync(member.Client, $"Accessible notice {Guid.NewGuid():N}"[..30]);
        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "A reply that notifies.");
        await NotificationsApi.WaitForAsync(member.Client, p => p.Unread == 1);
        foreach (var path in new[] { "/Notifications", "/Notifications/Settings" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Every_member_page_passes_axe()
    {
        var everyone = await Community.JoinAsync(site.Api.CreateClient, "Ada Allroles", "host", "funder", "moderator", "admin");
        var thread = await ThreadsApi.StartAsync(everyone.Client, $"Accessible thread {Guid.NewGuid():N}"[..30]);
        var reply = await ThreadsApi.ReplyAsync(everyone.Client, thread.Id, "A reply to edit.");
        var gathering = await EventsApi.CreateAsync(everyone.Client, new { title = $"Accessible gathering {Guid.NewGuid():N}"[..30] });
        var paper = await LibraryApi.PublishAsync(everyone.Client, TestPdfs.Create("An accessible paper about place."));
        await DirectoryApi.ListAsync(everyone, new(true, true, true, true), bio: "Listed so the directory has someone to show.");
        await DirectoryApi.ProposePlaceAsync(everyone.Client, "Accessible Estate");
        var southwark = (await OrganisationsApi.PlacesAsync(everyone.Client, "Southwark"))[0];
        var organisation = await OrganisationsApi.ProposeAsync(everyone.Client, OrganisationsApi.Profile(placeIds: [southwark.Id]));
        await OrganisationsApi.RecordAsync(everyone.Client, organisation.Id, OrganisationsApi.Assessment(southwark.Id, everyone.Id));
        await OrganisationsApi.RecordAsync(everyone.Client, organisation.Id,
            OrganisationsApi.Assessment(southwark.Id, everyone.Id, Domain.Community.FrameworkStage.Mutuality, new DateOnly(2025, 9, 1),
                evidence: [new(Domain.Journey.EvidenceKind.Url, null, "https://example.org/evidence")]));
        await EventsApi.CreateAsync(everyone.Client, new { hostOrganisationId = organisation.Id });
        var claimant = await Community.JoinAsync(site.Api.CreateClient, "Claire Claimant");
        using var claimed = await claimant.Client.PutAsync($"/api/v1/organisations/{organisation.Id}/members/me", null);
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, everyone.Email, everyone.Password);

        string[] paths =
        [
            "/", "/Threads", "/Threads/New", $"/Threads/{thread.Id}", $"/Threads/{thread.Id}/posts/{reply.Id}/edit",
            "/Events", "/Events/Edit", $"/Events/{gathering.Id}", $"/Events/Edit/{gathering.Id}", $"/Events/{gathering.Id}/Present",
            "/Library", "/Library?q=place", $"/Library/Papers/{paper.Id}", "/Library/Publish",
            "/places", "/places?q=wark", "/places/southwark", "/places/southwark?stage=Connection",
            "/Profile", "/Profile/Email", $"/people/{everyone.Id}", "/Admin/People", "/admin/join-requests", "/admin/invitations", "/portfolio",
            "/people", "/people?place=southwark&stage=Connection", "/organisations", "/tags/PowerofPlace",
            "/places/propose", "/Admin/Places", "/Admin/Organisations", "/Admin/Organisations?unverified=true", "/Admin/Statements",
            $"/organisations/{organisation.Slug}", "/organisations/propose", $"/organisations/{organisation.Slug}/assess",
            $"/organisations/{organisation.Slug}/edit",
        ];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            try
            {
                await Accessibility.AssertNoViolationsAsync(page);
            }
            catch (Xunit.Sdk.XunitException failure)
            {
                failures.Add(failure.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
