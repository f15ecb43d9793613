using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Tests.Data;

/// <summary>One Api with the demo community seeded and joining by approval, as `./cop run` starts it, shared by the tests below.</summary>
public sealed class DemoApi : IAsyncLifetime
{
    public ApiFactory Api { get; } = new ApiFactory().WithSetting("Seed:Demo", "true").WithSetting("Community:Joining", "Approval");

    public Task InitializeAsync() => Api.InitializeAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();

    public async Task<HttpClient> SignInAsync(string account)
    {
        var client = Api.CreateClient();
        var token = await Tokens.PasswordGrantAsync(client, $"{account}@demo.communityofpractice.org.uk", "Demo-pass-2026!");
        client.Authorize(token.AccessToken);
        return client;
    }
}

/// <summary>
/// What a newcomer sees on the first `./cop run`: the issue's story told by the seeds (Southwark
/// with its threads, events, papers and organisations at their stages; a move from Connection to
/// Mutuality; the gathering in the past with its registrations; the webinar presenting the
/// papers), and seeding again adds nothing.
/// </summary>
public sealed class DemoSeedTests(DemoApi demo) : IClassFixture<DemoApi>
{
    [Fact]
    public async Task Southwark_shows_threads_events_papers_and_organisations_at_their_stages_and_narrows_to_Connection()
    {
        var member = await demo.SignInAsync("member");

        var southwark = await GetPlaceAsync(member, "southwark");
        var connection = await GetPlaceAsync(member, "southwark?stage=Connection");

        Assert.Contains(southwark.Threads, t => t.Title == "#PowerofPlace: why focus on place now?");
        Assert.Contains(southwark.PastEvents, e => e.Title == "Power of Place");
        Assert.Contains(southwark.Papers, p => p.Title == "Funding Place-Based Systemic Change: Southwark case study");
        Assert.Contains(southwark.Papers, p => p.Title.StartsWith("Place resilience", StringComparison.Ordinal));
        var stages = southwark.Organisations.ToDictionary(o => o.Name, o => o.CurrentStage);
        Assert.Equal(FrameworkStage.Connection, stages["Renaisi"]);
        Assert.Equal(FrameworkStage.Connection, stages["Southwark Council"]); // its Mutuality entry is for Power to Change only
        Assert.Equal(FrameworkStage.Mutuality, stages["Peckham Tenants Forum"]); // in Peckham, inside Southwark
        Assert.Equal(["Peckham"], southwark.Children.Select(c => c.Name));
        Assert.True(southwark.Distribution.Single(d => d.Stage == FrameworkStage.Connection).Organisations >= 3);
        Assert.NotEmpty(southwark.Members);
        Assert.Contains(southwark.Moves, m => m.OrganisationName == "Peckham Tenants Forum" && m.IsTheMoveThatMattersMost && m.Place.Name == "Peckham");
        Assert.DoesNotContain(southwark.Moves, m => m.OrganisationName == "Southwark Council" && m.To == FrameworkStage.Mutuality);

        Assert.All(connection.Organisations, o => Assert.Equal(FrameworkStage.Connection, o.CurrentStage));
        Assert.Contains(connection.Organisations, o => o.Name == "Renaisi");
        Assert.DoesNotContain(connection.Organisations, o => o.Name == "Peckham Tenants Forum");
        Assert.All(connection.Threads, t => Assert.Equal(FrameworkStage.Connection, t.Stage));
    }

    [Fact]
    public async Task Renaisi_moves_from_Connection_to_Mutuality_in_Hackney_and_the_timeline_marks_it()
    {
        var member = await demo.SignInAsync("member");

        using var response = await member.GetAsync("/api/v1/organisations/renaisi");
        var renaisi = await ThreadsApi.ExpectAsync<OrganisationDetail>(response, HttpStatusCode.OK);

        var hackney = renaisi.Journey.Single(j => j.Place.Name == "Hackney");
        Assert.Equal(FrameworkStage.Mutuality, hackney.CurrentStage);
        var move = Assert.Single(hackney.Timeline, s => s.IsTheMoveThatMattersMost);
        Assert.Equal(FrameworkStage.Connection, move.MovedFrom);
        Assert.Equal(FrameworkStage.Mutuality, move.Assessment.Stage);
        Assert.Equal(OrganisationKind.SocialEnterprise, renaisi.Kind);
        Assert.Contains(renaisi.Papers, p => p.Name == "Funding Place-Based Systemic Change: the framework");
    }

    [Fact]
    public async Task The_gathering_is_past_with_its_registrations_and_the_webinar_presents_the_papers_at_half_past_twelve_london_time()
    {
        var member = await demo.SignInAsync("member");

        using var past = await member.GetAsync("/api/v1/events?when=Past");
        var gathering = Assert.Single(await ThreadsApi.ExpectAsync<EventSummary[]>(past, HttpStatusCode.OK), e => e.Title == "Power of Place");
        using var upcoming = await member.GetAsync("/api/v1/events");
        var webinar = Assert.Single(await ThreadsApi.ExpectAsync<EventSummary[]>(upcoming, HttpStatusCode.OK),
            e => e.Title == "Funding place-based systemic change: the framework");
        var framework = (await LibraryApi.SearchAsync(member, "limit=50")).Items
            .Single(i => i.Paper.Title == "Funding Place-Based Systemic Change: the framework").Paper;

        Assert.Equal(EventKind.Gathering, gathering.Kind);
        Assert.True(gathering.RegisteredCount > 100);
        Assert.Equal(RegistrationStatus.Registered, webinar.MyStatus);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal((11, 4, new TimeSpan(12, 30, 0)), (webinar.StartsAt.Month, webinar.StartsAt.Day, TimeZoneInfo.ConvertTime(webinar.StartsAt, london).TimeOfDay));
        Assert.Equal(new TimeSpan(14, 0, 0), TimeZoneInfo.ConvertTime(webinar.EndsAt, london).TimeOfDay);
        Assert.Contains((await LibraryApi.GetAsync(member, framework.Id)).PresentedAt, e => e.Id == webinar.Id);
        var locality = await OrganisationsApi.GetAsync(member, "locality");
        Assert.Contains(locality.PastEvents, e => e.Id == gathering.Id);
        Assert.Contains(locality.UpcomingEvents, e => e.Id == webinar.Id);
    }

    [Fact]
    public async Task The_demo_papers_are_found_by_a_phrase_from_their_body_and_seeding_twice_adds_nothing()
    {
        var member = await demo.SignInAsync("member");
        var southwark = (await LibraryApi.PlacesAsync(member))["Southwark"];
        var all = await LibraryApi.SearchAsync(member, "limit=50");
        var paper = all.Items.Single(i => i.Paper.Title == "Funding Place-Based Systemic Change: Southwark case study").Paper;
        await LibraryApi.ProcessedAsync(demo.Api.Services, member, paper.Id);

        var found = await LibraryApi.SearchAsync(member,
            $"q={Uri.EscapeDataString("\"shared the repairs budget\"")}&placeId={southwark}&stage=Connection");

        var hit = Assert.Single(found.Items);
        Assert.Equal(paper.Id, hit.Paper.Id);
        Assert.Equal(3, hit.Page);

        await using var again = new ApiFactory().UseDatabase(demo.Api.ConnectionString).WithSetting("Seed:Demo", "true");
        await again.InitializeAsync();
        Assert.Equal(all.Total, (await LibraryApi.SearchAsync(member, "limit=50")).Total);
        using var events = await member.GetAsync("/api/v1/events?when=Past");
        Assert.Single(await ThreadsApi.ExpectAsync<EventSummary[]>(events, HttpStatusCode.OK), e => e.Title == "Power of Place");
    }

    [Fact]
    public async Task The_demo_funder_follows_Hackney_and_Southwark_and_sees_the_movement_including_what_is_shared_with_them_only()
    {
        var funder = await demo.SignInAsync("funder");
        var member = await demo.SignInAsync("member");

        var portfolio = await funder.GetFromJsonAsync<PortfolioView>("/api/v1/portfolio", Json.Options);
        var others = await member.GetFromJsonAsync<PortfolioView>("/api/v1/portfolio", Json.Options);

        Assert.Equal(["Hackney", "Southwark"], portfolio!.Places.Select(p => p.Name).Order());
        var renaisi = portfolio.Organisations.Single(o => o.Name == "Renaisi");
        Assert.True(renaisi.IsFollowed);
        Assert.Contains(renaisi.Journeys.Single(j => j.Place.Name == "Hackney").Points,
            p => p.MovedFrom == FrameworkStage.Connection && p.Stage == FrameworkStage.Mutuality);
        var council = portfolio.Organisations.Single(o => o.Name == "Southwark Council");
        Assert.Contains(council.Journeys.Single().Points, p => p.Stage == FrameworkStage.Mutuality); // shared with Power to Change only
        Assert.Empty(others!.Places); // the demo member follows nothing
    }

    [Fact]
    public async Task The_demo_accounts_are_members_and_the_demo_moderator_has_a_request_to_decide()
    {
        var member = await demo.SignInAsync("member");
        await ThreadsApi.ExpectAsync(await member.GetAsync("/api/v1/threads"), HttpStatusCode.OK);

        var moderator = await demo.SignInAsync("moderator");
        var queue = await moderator.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests", Json.Options);
        var waiting = Assert.Single(queue!.Items, r => r.Email == "applicant@demo.communityofpractice.org.uk");
        Assert.Equal(["Southwark"], waiting.Places.Select(p => p.Name));

        var applicant = await demo.SignInAsync("applicant");
        await ThreadsApi.ExpectAsync(await applicant.GetAsync("/api/v1/threads"), HttpStatusCode.Forbidden);
        using var approved = await JoiningApi.SendDecisionAsync(moderator, waiting.Id, approve: true, "Welcome to the community.");
        await ThreadsApi.ExpectAsync(approved, HttpStatusCode.OK);
    }

    private static async Task<PlaceDetail> GetPlaceAsync(HttpClient client, string slugAndQuery)
    {
        using var response = await client.GetAsync($"/api/v1/places/{slugAndQuery}");
        return await ThreadsApi.ExpectAsync<PlaceDetail>(response, HttpStatusCode.OK);
    }
}
