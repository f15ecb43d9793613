using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Tests.Library;

[Collection(LibraryCollection.Name)]
public sealed class PublishPaperTests(LibraryFactory api)
{
    [Fact]
    public async Task A_funder_publishes_a_pdf_with_its_details_and_it_is_indexed()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var places = await funder.Client.GetFromJsonAsync<PlaceRef[]>("/api/v1/places", Json.Options);
        var southwark = places!.Single(p => p.Name == "Southwark");
        var pdf = TestPdfs.Create("Funding place-based systemic change.", "A case study from Southwark.");

        var paper = await LibraryApi.PublishAsync(funder.Client, pdf, LibraryApi.Metadata("Funding Place-Based Systemic Change", new
        {
            summary = "A **framework** plus case studies. #PowerofPlace",
            type = "CaseStudy",
            authors = new[] { "Ada Lovelace", "Grace Hopper" },
            placeIds = new[] { southwark.Id },
            stages = new[] { "Mutuality", "Connection" },
            hashtags = new[] { "#PowerofPlace", "learning" },
            licence = "CC BY 4.0",
        }), "Funding place-based (final).pdf");

        Assert.Equal("Funding Place-Based Systemic Change", paper.Title);
        Assert.Equal(PaperType.CaseStudy, paper.Type);
        Assert.Contains("<strong>framework</strong>", paper.SummaryHtml, StringComparison.Ordinal);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], paper.Authors);
        Assert.Equal(["Southwark"], paper.Places.Select(p => p.Name));
        Assert.Equal([FrameworkStage.Connection, FrameworkStage.Mutuality], paper.Stages);
        Assert.Equal(["PowerofPlace", "learning"], paper.Hashtags);
        Assert.Equal(funder.Id, paper.PublishedBy.Id);
        Assert.Equal(1, paper.CurrentVersion);
        var version = Assert.Single(paper.Versions);
        Assert.Equal("Funding-place-based--final.pdf", version.FileName);
        Assert.Equal(pdf.Length, version.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), version.Sha256);
        Assert.Equal(2, version.PageCount);
        Assert.True(File.Exists(api.BlobPath(version.Sha256)));
        Assert.True(paper.CanAddVersion);

        var indexed = await LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id);
        Assert.Equal(ExtractionStatus.Indexed, indexed.Status);
        Assert.Equal(ExtractionStatus.Indexed, indexed.Versions[0].Status);
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var pdf = TestPdfs.Create($"Twice {TestPdfs.UniqueWord()}");
        var blobsBefore = api.BlobCount;

        var first = await LibraryApi.PublishAsync(funder.Client, pdf);
        var second = await LibraryApi.PublishAsync(funder.Client, pdf);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Versions[0].Sha256, second.Versions[0].Sha256);
        Assert.Equal(blobsBefore + 1, api.BlobCount);
        Assert.Equal(pdf, await funder.Client.GetByteArrayAsync(second.DownloadUrl));
    }

    [Fact]
    public async Task A_paper_hosted_elsewhere_is_a_link_without_a_file()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");

        var paper = await LibraryApi.PublishAsync(host.Client, null, LibraryApi.Metadata(extra: new { externalUrl = "https://example.org/paper" }));

        Assert.Equal("https://example.org/paper", paper.ExternalUrl);
        Assert.Empty(paper.Versions);
        Assert.Null(paper.DownloadUrl);
        Assert.False(paper.CanAddVersion);
        using var file = await host.Client.GetAsync($"/api/v1/papers/{paper.Id}/file");
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task Papers_can_be_linked_to_the_thread_where_they_are_discussed()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var thread = await ThreadsApi.StartAsync(funder.Client, "Reading group: the framework", "Let's discuss the paper.");

        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create("Discussed."), LibraryApi.Metadata(extra: new { threadId = thread.Id }));

        Assert.Equal(new NamedRef(thread.Id, "Reading group: the framework"), paper.Thread);
    }

    public static TheoryData<string, object?, byte[]?, HttpStatusCode, string> BadUploads => new()
    {
        { "not a PDF (a renamed .exe)", LibraryApi.Metadata(), [0x4D, 0x5A, 0x90, 0x00, .. new byte[500]], HttpStatusCode.UnsupportedMediaType, "file" },
        { "a PDF that is broken", LibraryApi.Metadata(), "%PDF-1.7\nthis is not really a PDF\n%%EOF"u8.ToArray(), HttpStatusCode.BadRequest, "file" },
        { "an empty file", LibraryApi.Metadata(), [], HttpStatusCode.BadRequest, "file" },
        { "no file and no link", LibraryApi.Metadata(), null, HttpStatusCode.BadRequest, "file" },
        { "a file and a link", LibraryApi.Metadata(extra: new { externalUrl = "https://example.org" }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "externalUrl" },
        { "a missing title", LibraryApi.Metadata(extra: new { title = "  " }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "title" },
        { "an over-long title", LibraryApi.Metadata(new string('t', 201)), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "title" },
        { "an unknown place", LibraryApi.Metadata(extra: new { placeIds = new[] { Guid.NewGuid() } }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "placeIds" },
        { "an unknown organisation", LibraryApi.Metadata(extra: new { organisationId = Guid.NewGuid() }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "organisationId" },
        { "an unknown type", LibraryApi.Metadata(extra: new { type = "Novel" }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "type" },
        { "no type", LibraryApi.Metadata(extra: new { type = (string?)null }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "type" },
        { "an unknown stage", LibraryApi.Metadata(extra: new { stages = new[] { "Enlightenment" } }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "stages[0]" },
        { "no licence", LibraryApi.Metadata(extra: new { licence = "" }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "licence" },
        { "a bad hashtag", LibraryApi.Metadata(extra: new { hashtags = new[] { "#1" } }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "hashtags[0]" },
        { "a link that is not a web address", LibraryApi.Metadata(extra: new { externalUrl = "javascript:alert(1)" }), null, HttpStatusCode.BadRequest, "externalUrl" },
        { "an unknown field", LibraryApi.Metadata(extra: new { colour = "red" }), TestPdfs.Create("x"), HttpStatusCode.BadRequest, "colour" },
        { "metadata that is not JSON", "{not json", TestPdfs.Create("x"), HttpStatusCode.BadRequest, "metadata" },
        { "no metadata", null, TestPdfs.Create("x"), HttpStatusCode.BadRequest, "metadata" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_on_its_field_and_nothing_is_stored(string why, object? metadata, byte[]? file, HttpStatusCode status, string field)
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var (blobs, rows) = (api.BlobCount, await api.RowsAsync());

        using var response = await LibraryApi.PostAsync(funder.Client, metadata, file);

        Assert.True(status == response.StatusCode, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{why}: {problem}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        await NothingStoredAsync(blobs, rows);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_and_nothing_is_stored()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var (blobs, rows) = (api.BlobCount, await api.RowsAsync());
        var pdf = TestPdfs.Create("Big.");
        var tooBig = new byte[LibraryFactory.MaxUploadBytes + 1];
        pdf.CopyTo(tooBig, 0);

        using var response = await LibraryApi.PostAsync(funder.Client, LibraryApi.Metadata(), tooBig);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadAsync<JsonElement>();
        Assert.Contains("1 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await NothingStoredAsync(blobs, rows);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var pdf = TestPdfs.Create($"Exactly at the limit {TestPdfs.UniqueWord()}");
        // Padding after %%EOF is ignored by PDF readers.
        var atLimit = new byte[LibraryFactory.MaxUploadBytes];
        pdf.CopyTo(atLimit, 0);
        Array.Fill(atLimit, (byte)' ', pdf.Length, atLimit.Length - pdf.Length);

        var paper = await LibraryApi.PublishAsync(funder.Client, atLimit);

        Assert.Equal(LibraryFactory.MaxUploadBytes, paper.Versions[0].SizeBytes);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var rows = await api.RowsAsync();

        using var response = await funder.Client.PostAsJsonAsync("/api/v1/papers", LibraryApi.Metadata());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(rows, await api.RowsAsync());
    }

    [Theory]
    [InlineData("member")]
    [InlineData("moderator")]
    public async Task People_without_the_funder_host_or_admin_role_may_not_publish(string role)
    {
        var person = role == "member"
            ? await Community.JoinAsync(api.CreateClient, "Member")
            : await Community.JoinAsync(api.CreateClient, "Someone", role);
        var (blobs, rows) = (api.BlobCount, await api.RowsAsync());

        using var response = await LibraryApi.PostAsync(person.Client, LibraryApi.Metadata(), TestPdfs.Create($"Refused {TestPdfs.UniqueWord()}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await NothingStoredAsync(blobs, rows);
    }

    [Fact]
    public async Task Visitors_may_not_publish()
    {
        var rows = await api.RowsAsync();

        using var response = await LibraryApi.PostAsync(api.CreateClient(), LibraryApi.Metadata(), TestPdfs.Create("Anonymous"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(rows, await api.RowsAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("host")]
    public async Task Admins_and_hosts_may_publish(string role)
    {
        var person = await Community.JoinAsync(api.CreateClient, "Publisher", role);

        var paper = await LibraryApi.PublishAsync(person.Client, TestPdfs.Create("Shared by a " + role));

        Assert.Equal(person.Id, paper.PublishedBy.Id);
    }

    private async Task NothingStoredAsync(int blobs, (long, long) rows)
    {
        Assert.Equal(blobs, api.BlobCount);
        Assert.Equal(0, api.IncomingCount);
        Assert.Equal(rows, await api.RowsAsync());
    }

    [Fact]
    public async Task A_pdf_over_the_page_limit_is_refused_on_file_with_the_limit_and_nothing_is_stored()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var title = $"Every page of everything {Guid.NewGuid():N}";
        var pdf = TestPdfs.Create([.. Enumerable.Range(1, 2_001).Select(n => $"Page {n}")]);

        using var response = await LibraryApi.PostAsync(funder.Client, LibraryApi.Metadata(title), pdf);

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Equal(["This PDF has 2,001 pages; the library takes PDFs of up to 2,000 pages. Split it into parts, or share a link to it instead."], problem.Errors["file"]);
        Assert.Empty((await LibraryApi.SearchAsync(funder.Client, $"q={Uri.EscapeDataString(title)}")).Items);
    }
}
