using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Api.Tests.Library;

[Collection(LibraryCollection.Name)]
public sealed class SearchTests(LibraryFactory api)
{
    [Fact]
    public async Task Results_are_ranked_title_before_body_and_websearch_syntax_works()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var word = TestPdfs.UniqueWord();
        var inBody = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client,
            TestPdfs.Create($"The body mentions {word} once, about systemic change in London."));
        var inTitle = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client,
            TestPdfs.Create("Nothing special inside about systemic change."), LibraryApi.Metadata($"All about {word}"));

        var both = await LibraryApi.SearchAsync(funder.Client, $"q={word}");
        var notLondon = await LibraryApi.SearchAsync(funder.Client, $"q={Uri.EscapeDataString($"{word} -london")}");
        var phrase = await LibraryApi.SearchAsync(funder.Client, $"q={Uri.EscapeDataString($"\"mentions {word}\"")}");

        Assert.Equal([inTitle.Id, inBody.Id], both.Items.Select(i => i.Paper.Id));
        Assert.Equal(2, both.Total);
        Assert.Equal(inTitle.Id, Assert.Single(notLondon.Items).Paper.Id);
        Assert.Equal(inBody.Id, Assert.Single(phrase.Items).Paper.Id);
    }

    [Fact]
    public async Task Filters_combine_with_the_query_and_facets_count_the_other_filters()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var places = await LibraryApi.PlacesAsync(funder.Client);
        var (southwark, hackney) = (places["Southwark"], places["Hackney"]);
        var word = TestPdfs.UniqueWord();
        async Task<PaperDetail> Publish(string type, Guid place, string stage, string date) =>
            await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create($"Learning about {word}."),
                LibraryApi.Metadata(extra: new { type, placeIds = new[] { place }, stages = new[] { stage }, publishedOn = date }));
        var southwarkConnection = await Publish("CaseStudy", southwark, "Connection", "2024-05-01");
        await Publish("CaseStudy", southwark, "Intention", "2025-05-01");
        await Publish("Framework", hackney, "Connection", "2025-07-01");

        var filtered = await LibraryApi.SearchAsync(funder.Client, $"q={word}&placeId={southwark}&stage=Connection");
        var all = await LibraryApi.SearchAsync(funder.Client, $"q={word}");

        Assert.Equal(southwarkConnection.Id, Assert.Single(filtered.Items).Paper.Id);
        Assert.Equal(3, all.Total);
        Assert.Equal([("CaseStudy", 2), ("Framework", 1)], all.Facets.Types.Select(f => (f.Value, f.Count)));
        Assert.Equal([("Hackney", 1), ("Southwark", 2)], all.Facets.Places.Select(f => (f.Label, f.Count)));
        Assert.Equal([("Intention", 1), ("Connection", 2)], all.Facets.Stages.Select(f => (f.Value, f.Count)));
        Assert.Equal([("2025", 2), ("2024", 1)], all.Facets.Years.Select(f => (f.Value, f.Count)));
        // With Southwark and Connection chosen, each facet counts what the other choice leaves.
        Assert.Equal([("Hackney", 1, false), ("Southwark", 1, true)], filtered.Facets.Places.Select(f => (f.Label, f.Count, f.Selected)));
        Assert.Equal([("Intention", 1, false), ("Connection", 1, true)], filtered.Facets.Stages.Select(f => (f.Value, f.Count, f.Selected)));
        Assert.Equal([("CaseStudy", 1)], filtered.Facets.Types.Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public async Task Pages_are_bounded_and_say_whether_more_follow()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var word = TestPdfs.UniqueWord();
        var papers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            papers.Add((await LibraryApi.PublishAsync(funder.Client, null,
                LibraryApi.Metadata($"{word} part {i}", new { externalUrl = $"https://example.org/{i}" }))).Id);
        }

        var first = await LibraryApi.SearchAsync(funder.Client, $"q={word}&limit=2");
        var second = await LibraryApi.SearchAsync(funder.Client, $"q={word}&limit=2&page=2");

        Assert.Equal((2, 3, true), (first.Items.Count, first.Total, first.HasMore));
        Assert.Equal((1, 3, false), (second.Items.Count, second.Total, second.HasMore));
        Assert.Equal(papers.Order(), first.Items.Concat(second.Items).Select(i => i.Paper.Id).Order());
    }

    [Theory]
    [InlineData("'")]
    [InlineData("&")]
    [InlineData(":*")]
    [InlineData("\"unbalanced")]
    [InlineData("a & | ! ( ) :* <-> 'b")]
    [InlineData("!!!")]
    [InlineData("(((")]
    [InlineData("\\")]
    [InlineData("%00 and nul as text")]
    [InlineData("-")]
    [InlineData("the")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("🏙️ place")]
    [InlineData("\ud800 lone surrogate")]
    public async Task Queries_with_odd_characters_never_error(string q)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Member");

        using var response = await member.Client.GetAsync($"/api/v1/papers?q={Uri.EscapeDataString(q)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Snippets_escape_the_text_of_the_pdf()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var word = TestPdfs.UniqueWord();
        await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create($"Fish & chips, 1 < 2 and {word} > 0"));

        var hit = Assert.Single((await LibraryApi.SearchAsync(funder.Client, $"q={word}")).Items);

        Assert.StartsWith($"Fish &amp; chips, 1 &lt; 2 and <mark>{word}</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=51", "page")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    public async Task Out_of_range_pages_are_400_on_their_field(string query, string field)
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/papers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_query_is_400()
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/papers?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_stage_or_type_filter_is_400()
    {
        using var stage = await api.CreateClient().GetAsync("/api/v1/papers?stage=Enlightenment");
        using var type = await api.CreateClient().GetAsync("/api/v1/papers?type=Novel");

        Assert.Equal(HttpStatusCode.BadRequest, stage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, type.StatusCode);
    }
}
