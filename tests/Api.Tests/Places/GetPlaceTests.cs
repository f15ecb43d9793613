using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Places;

/// <summary>
/// A place's page through HTTP: a borough gathers its neighbourhood's content, one stage filter
/// narrows every list, organisations stand at their community-visible stage (never a private or
/// funders-only one), and visitors see only what they may see elsewhere.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GetPlaceTests(ApiFactory api)
{
    [Fact]
    public async Task A_borough_gathers_its_neighbourhoods_content_with_each_organisations_current_stage()
    {
        var world = await SeedAsync();

        var page = await GetAsync(world.Host.Client, world.Borough.Slug);

        Assert.Equal(world.Borough.Id, page.Id);
        Assert.Null(page.Parent);
        Assert.Equal([world.Neighbourhood.Id], page.Children.Select(c => c.Id));
        Assert.Equal(new[] { world.Thread1, world.Thread2, world.UpcomingThread, world.PastThread }.Order(), page.Threads.Select(t => t.Id).Order());
        Assert.Equal([world.Upcoming], page.UpcomingEvents.Select(e => e.Id));
        Assert.Equal([world.Past], page.PastEvents.Select(e => e.Id));
        Assert.Equal(new[] { world.PublicPaper, world.MembersPaper }.Order(), page.Papers.Select(p => p.Id).Order());
        var stages = page.Organisations.ToDictionary(o => o.Id, o => o.CurrentStage);
        Assert.Equal(FrameworkStage.Connection, stages[world.Connected]);
        Assert.Equal(FrameworkStage.Mutuality, stages[world.Moved]);
        Assert.Null(stages[world.FundersOnly]);
        Assert.Null(stages[world.CorrectedPrivately]);
        Assert.Equal([world.Listed], page.Members.Select(m => m.Id));
        Assert.Equal("Works on the high street.", page.Members.Single().Bio);
        Assert.Null(page.Members.Single().Organisation);
        Assert.Equal(
            [(FrameworkStage.Intention, 0), (FrameworkStage.Established, 0), (FrameworkStage.Connection, 1), (FrameworkStage.Mutuality, 1), (FrameworkStage.Systemic, 0)],
            page.Distribution.Select(d => (d.Stage, d.Organisations)));
        var move = Assert.Single(page.Moves); // private, funders-only and privately corrected entries make no move here
        Assert.Equal((world.Moved, FrameworkStage.Established, FrameworkStage.Mutuality, world.Neighbourhood.Id, false),
            (move.OrganisationId, move.From, move.To, move.Place.Id, move.IsTheMoveThatMattersMost));
        Assert.False(page.SignInForMore);
        Assert.Equal(6, page.LastSeq); // two threads, two events and two papers arrived in the borough or its neighbourhood
    }

    [Fact]
    public async Task A_neighbourhood_shows_its_borough_and_only_its_own_content()
    {
        var world = await SeedAsync();

        var page = await GetAsync(world.Host.Client, world.Neighbourhood.Slug);

        Assert.Equal(world.Borough.Id, page.Parent?.Id);
        Assert.Empty(page.Children);
        Assert.Equal(new[] { world.Thread1, world.Thread2, world.UpcomingThread }.Order(), page.Threads.Select(t => t.Id).Order());
        Assert.Equal([world.PublicPaper], page.Papers.Select(p => p.Id));
        Assert.Equal([world.Moved], page.Organisations.Select(o => o.Id));
    }

    [Fact]
    public async Task One_stage_filter_narrows_threads_events_papers_and_organisations_at_once()
    {
        var world = await SeedAsync();

        var page = await GetAsync(world.Host.Client, world.Borough.Slug, "?stage=Connection");

        Assert.Equal(FrameworkStage.Connection, page.Stage);
        Assert.Equal(new[] { world.Thread1, world.UpcomingThread }.Order(), page.Threads.Select(t => t.Id).Order());
        Assert.Equal([world.Upcoming], page.UpcomingEvents.Select(e => e.Id));
        Assert.Empty(page.PastEvents);
        Assert.Equal([world.PublicPaper], page.Papers.Select(p => p.Id));
        Assert.Equal([world.Connected], page.Organisations.Select(o => o.Id));
        Assert.Equal(1, page.Distribution.Single(d => d.Stage == FrameworkStage.Mutuality).Organisations);
    }

    [Fact]
    public async Task A_visitor_sees_public_papers_and_organisations_but_no_threads_events_or_members()
    {
        var world = await SeedAsync();

        var page = await GetAsync(api.CreateClient(), world.Borough.Slug);

        Assert.True(page.SignInForMore);
        Assert.Empty(page.Threads);
        Assert.Empty(page.UpcomingEvents);
        Assert.Empty(page.PastEvents);
        Assert.Empty(page.Members);
        Assert.Equal([world.PublicPaper], page.Papers.Select(p => p.Id));
        Assert.Equal(FrameworkStage.Connection, page.Organisations.Single(o => o.Id == world.Connected).CurrentStage);
        Assert.Null(page.Organisations.Single(o => o.Id == world.FundersOnly).CurrentStage);
    }

    [Fact]
    public async Task The_list_counts_each_places_activity_including_its_neighbourhoods_and_filters_by_name()
    {
        var world = await SeedAsync();

        var all = await api.CreateClient().GetFromJsonAsync<PlaceSummary[]>("/api/v1/places", Json.Options);
        var filtered = await world.Host.Client.GetFromJsonAsync<PlaceSummary[]>($"/api/v1/places?q={world.Token}", Json.Options);

        Assert.Contains(all!, p => p.Name == "Southwark");
        Assert.Equal(new PlaceActivity(4, 1, 1, 4), all!.Single(p => p.Id == world.Borough.Id).Activity);
        Assert.Equal(new[] { world.Borough.Id, world.Neighbourhood.Id }.Order(), filtered!.Select(p => p.Id).Order());
        Assert.Equal(new PlaceActivity(4, 1, 2, 4), filtered!.Single(p => p.Id == world.Borough.Id).Activity);
        Assert.Equal(new PlaceActivity(3, 1, 1, 1), filtered!.Single(p => p.Id == world.Neighbourhood.Id).Activity);
        Assert.Equal(world.Borough.Id, filtered!.Single(p => p.Id == world.Neighbourhood.Id).ParentId);
    }

    [Fact]
    public async Task An_unknown_stage_is_400_on_the_field_and_an_unknown_place_is_404()
    {
        using var visitor = api.CreateClient();

        using var badStage = await visitor.GetAsync("/api/v1/places/southwark?stage=Planet");
        using var number = await visitor.GetAsync("/api/v1/places/southwark?stage=3");
        using var missing = await visitor.GetAsync($"/api/v1/places/nowhere-{Guid.NewGuid():N}");
        using var known = await visitor.GetAsync("/api/v1/places/southwark?stage=connection");

        Assert.Contains("stage", (await RegisterMemberTests.AssertValidationProblem(badStage)).Errors.Keys);
        Assert.Contains("stage", (await RegisterMemberTests.AssertValidationProblem(number)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    private static async Task<PlaceDetail> GetAsync(HttpClient client, string slug, string query = "") =>
        (await client.GetFromJsonAsync<PlaceDetail>($"/api/v1/places/{slug}{query}", Json.Options))!;

    private sealed record World(
        string Token, Place Borough, Place Neighbourhood, TestMember Host, Guid Listed,
        Guid Thread1, Guid Thread2, Guid Upcoming, Guid Past, Guid UpcomingThread, Guid PastThread, Guid PublicPaper, Guid MembersPaper,
        Guid Connected, Guid Moved, Guid FundersOnly, Guid CorrectedPrivately);

    /// <summary>
    /// A borough with a neighbourhood inside it, and in them: two threads, an upcoming and a past
    /// event (each with its own discussion thread, tagged like the event), a public and a members-only paper, four organisations with assessments of every
    /// visibility, a member who chose to be listed with their places, and one listed without them.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var token = $"Zq{Guid.NewGuid():N}"[..12];
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var listed = await Community.JoinAsync(api.CreateClient, "Listed");
        var placesHidden = await Community.JoinAsync(api.CreateClient, "Listed without places");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var borough = Place.Create($"Borough {token}", PlaceKind.LocalAuthority);
        var neighbourhood = Place.Create($"High Street {token}", PlaceKind.Neighbourhood);
        neighbourhood.MoveInside(borough);
        db.Places.AddRange(borough, neighbourhood);
        await db.SaveChangesAsync();

        var thread1 = await ThreadsApi.StartAsync(host.Client, more: new { placeIds = new[] { neighbourhood.Id }, stage = "Connection" });
        var thread2 = await ThreadsApi.StartAsync(host.Client, more: new { placeIds = new[] { borough.Id, neighbourhood.Id }, stage = "Mutuality" });
        var upcoming = await EventsApi.CreateAsync(host.Client, new { placeIds = new[] { neighbourhood.Id }, stage = "Connection" });
        var past = await EventsApi.CreateAsync(host.Client, new { placeIds = new[] { borough.Id }, stage = "Mutuality" });
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await db.Events.Where(e => e.Id == past.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, longAgo).SetProperty(e => e.EndsAt, longAgo.AddHours(1)));
        var publicPaper = await LibraryApi.PublishAsync(host.Client, null, LibraryApi.Metadata(extra: new
        {
            externalUrl = "https://example.org/public", placeIds = new[] { neighbourhood.Id }, stages = new[] { "Connection" },
        }));
        var membersPaper = await LibraryApi.PublishAsync(host.Client, null, LibraryApi.Metadata(extra: new
        {
            externalUrl = "https://example.org/members", placeIds = new[] { borough.Id }, stages = new[] { "Mutuality" }, visibility = "Members",
        }));

        var places = await db.Places.Where(p => p.Id == borough.Id || p.Id == neighbourhood.Id).ToDictionaryAsync(p => p.Id);
        var connected = Organisation.Create($"Connected {token}");
        connected.WorkIn([places[borough.Id]]);
        var moved = Organisation.Create($"Moved {token}");
        moved.WorkIn([places[neighbourhood.Id]]);
        var fundersOnly = Organisation.Create($"Funders only {token}");
        fundersOnly.WorkIn([places[borough.Id]]);
        var correctedPrivately = Organisation.Create($"Corrected {token}");
        correctedPrivately.WorkIn([places[borough.Id]]);
        db.Organisations.AddRange(connected, moved, fundersOnly, correctedPrivately);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        StageAssessment Assess(Organisation organisation, Place place, FrameworkStage stage, int daysAgo, AssessmentVisibility visibility) =>
            StageAssessment.Record(Entry(organisation, place, stage, daysAgo, visibility), host.Id, today, now);
        StageAssessment.Entry Entry(Organisation organisation, Place place, FrameworkStage stage, int daysAgo, AssessmentVisibility visibility) =>
            new(organisation.Id, place.Id, stage, today.AddDays(-daysAgo), "Where we stand.", "<p>Where we stand.</p>", visibility,
                visibility == AssessmentVisibility.Funders ? [Guid.NewGuid()] : [], [], [host.Id]);

        var corrected = Assess(correctedPrivately, borough, FrameworkStage.Connection, 20, AssessmentVisibility.Community);
        db.StageAssessments.AddRange(
            Assess(connected, borough, FrameworkStage.Connection, 30, AssessmentVisibility.Community),
            Assess(connected, borough, FrameworkStage.Systemic, 5, AssessmentVisibility.Private),
            Assess(moved, neighbourhood, FrameworkStage.Established, 60, AssessmentVisibility.Community),
            Assess(moved, neighbourhood, FrameworkStage.Mutuality, 10, AssessmentVisibility.Community),
            Assess(fundersOnly, borough, FrameworkStage.Systemic, 10, AssessmentVisibility.Funders),
            corrected,
            corrected.CorrectWith(Entry(correctedPrivately, borough, FrameworkStage.Systemic, 20, AssessmentVisibility.Private), host.Id, today, now));

        var member = await db.Members.Include(m => m.Places).SingleAsync(m => m.Id == listed.Id);
        member.UpdateProfile(member.DisplayName, "Works on the high street.", connected, [places[neighbourhood.Id]]);
        member.ChooseListing(new DirectoryListing(IsListed: true, ShowOrganisation: false, ShowPlaces: true, ShowBio: true));

        // Listed, but not showing where they work: a place's page must not give that away.
        var hidden = await db.Members.Include(m => m.Places).SingleAsync(m => m.Id == placesHidden.Id);
        hidden.UpdateProfile(hidden.DisplayName, null, connected, [places[neighbourhood.Id]]);
        hidden.ChooseListing(new DirectoryListing(IsListed: true, ShowOrganisation: true, ShowPlaces: false, ShowBio: true));
        await db.SaveChangesAsync();

        return new World(
            token, borough, neighbourhood, host, listed.Id, thread1.Id, thread2.Id, upcoming.Id, past.Id, upcoming.ThreadId!.Value, past.ThreadId!.Value, publicPaper.Id, membersPaper.Id,
            connected.Id, moved.Id, fundersOnly.Id, correctedPrivately.Id);
    }
}
