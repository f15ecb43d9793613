namespace CommunityOfPractice.Api.Tests.Library;

/// <summary>The demo seed (./cop run) carries generated learning papers, found the way the issue's journey finds them.</summary>
public sealed class DemoLibraryTests
{
    [Fact]
    public async Task The_demo_papers_are_found_by_a_phrase_from_their_body_and_seeding_twice_adds_nothing()
    {
        await using var api = new ApiFactory().WithSetting("Seed:Demo", "true");
        await api.InitializeAsync();
        var member = await Community.JoinAsync(api.CreateClient, "Practitioner");
        var southwark = (await LibraryApi.PlacesAsync(member.Client))["Southwark"];
        var all = await LibraryApi.SearchAsync(member.Client, "limit=50");
        var paper = all.Items.Single(i => i.Paper.Title.StartsWith("Southwark:", StringComparison.Ordinal)).Paper;
        await LibraryApi.ProcessedAsync(api.Services, member.Client, paper.Id);

        var found = await LibraryApi.SearchAsync(member.Client,
            $"q={Uri.EscapeDataString("\"shared the repairs budget\"")}&placeId={southwark}&stage=Connection");

        Assert.Equal(4, all.Total);
        var hit = Assert.Single(found.Items);
        Assert.Equal(paper.Id, hit.Paper.Id);
        Assert.Equal(3, hit.Page);

        await using var again = new ApiFactory().UseDatabase(api.ConnectionString).WithSetting("Seed:Demo", "true");
        await again.InitializeAsync();
        Assert.Equal(4, (await LibraryApi.SearchAsync(member.Client, "limit=50")).Total);
    }
}
