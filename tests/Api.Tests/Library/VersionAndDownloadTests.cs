using System.Net.Http.Headers;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Tests.Library;

[Collection(LibraryCollection.Name)]
public sealed class VersionAndDownloadTests(LibraryFactory api)
{
    [Fact]
    public async Task A_new_version_becomes_current_and_the_old_one_stays_downloadable()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var first = TestPdfs.Create($"First edition {TestPdfs.UniqueWord()}");
        var second = TestPdfs.Create($"Second edition {TestPdfs.UniqueWord()}", "With a new chapter.");
        var paper = await LibraryApi.PublishAsync(funder.Client, first);

        var updated = await LibraryApi.AddVersionAsync(funder.Client, paper.Id, second, "second edition.pdf");

        Assert.Equal(2, updated.CurrentVersion);
        Assert.Equal([2, 1], updated.Versions.Select(v => v.Number));
        Assert.Equal("second-edition.pdf", updated.Versions[0].FileName);
        Assert.Equal(2, updated.Versions[0].PageCount);
        Assert.Equal(second, await funder.Client.GetByteArrayAsync(updated.DownloadUrl));
        Assert.Equal(second, await funder.Client.GetByteArrayAsync(updated.Versions[0].DownloadUrl));
        Assert.Equal(first, await funder.Client.GetByteArrayAsync(updated.Versions[1].DownloadUrl));
        Assert.Equal([2, 1], (await LibraryApi.GetAsync(funder.Client, paper.Id)).Versions.Select(v => v.Number));
    }

    [Fact]
    public async Task Only_the_publisher_or_an_admin_adds_versions()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var otherFunder = await Community.JoinAsync(api.CreateClient, "Other funder", "funder");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var admin = await Community.JoinAsync(api.CreateClient, "Admin", "admin");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Mine {TestPdfs.UniqueWord()}"));
        var (blobs, rows) = (api.BlobCount, await api.RowsAsync());

        using var byOther = await otherFunder.Client.PostAsync($"/api/v1/papers/{paper.Id}/versions",
            LibraryApi.Form(null, TestPdfs.Create($"Not yours {TestPdfs.UniqueWord()}")));
        using var byMember = await member.Client.PostAsync($"/api/v1/papers/{paper.Id}/versions",
            LibraryApi.Form(null, TestPdfs.Create($"Not yours {TestPdfs.UniqueWord()}")));

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal((blobs, rows), (api.BlobCount, await api.RowsAsync()));
        Assert.False((await LibraryApi.GetAsync(otherFunder.Client, paper.Id)).CanAddVersion);

        var byAdmin = await LibraryApi.AddVersionAsync(admin.Client, paper.Id, TestPdfs.Create($"Fixed by an admin {TestPdfs.UniqueWord()}"));
        Assert.Equal(admin.Id, byAdmin.Versions[0].UploadedBy.Id);
    }

    [Fact]
    public async Task A_bad_new_version_is_refused_and_nothing_is_stored()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Good {TestPdfs.UniqueWord()}"));
        var (blobs, rows) = (api.BlobCount, await api.RowsAsync());

        using var notPdf = await funder.Client.PostAsync($"/api/v1/papers/{paper.Id}/versions", LibraryApi.Form(null, "GIF89a..."u8.ToArray()));
        using var noFile = await funder.Client.PostAsync($"/api/v1/papers/{paper.Id}/versions", LibraryApi.Form(null, null));
        using var unknown = await funder.Client.PostAsync($"/api/v1/papers/{Guid.NewGuid()}/versions", LibraryApi.Form(null, TestPdfs.Create("x")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notPdf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((blobs, rows), (api.BlobCount, await api.RowsAsync()));
        Assert.Equal(0, api.IncomingCount);
    }

    [Fact]
    public async Task A_download_streams_the_pdf_with_a_safe_file_name()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var pdf = TestPdfs.Create($"Download me {TestPdfs.UniqueWord()}");
        var paper = await LibraryApi.PublishAsync(funder.Client, pdf, fileName: "../../etc/evil name (1).pdf");

        using var inline = await funder.Client.GetAsync(paper.DownloadUrl);
        using var attachment = await funder.Client.GetAsync(paper.DownloadUrl + "?download=true");

        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("evil-name--1.pdf", inline.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("bytes", inline.Headers.AcceptRanges.Single());
        Assert.Equal(pdf, await inline.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task A_pdf_is_sent_as_a_sandboxed_document_that_loads_nothing_and_is_never_sniffed()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Sandboxed {TestPdfs.UniqueWord()}"));

        using var current = await funder.Client.GetAsync(paper.DownloadUrl);
        using var version = await funder.Client.GetAsync(paper.Versions[0].DownloadUrl + "?download=true");

        foreach (var response in new[] { current, version })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var directives = response.Headers.GetValues("Content-Security-Policy").Single()
                .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["sandbox", "default-src 'none'", "frame-ancestors 'none'"], directives);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_range_request_gets_just_those_bytes()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var pdf = TestPdfs.Create($"Ranges {TestPdfs.UniqueWord()}");
        var paper = await LibraryApi.PublishAsync(funder.Client, pdf);
        using var request = new HttpRequestMessage(HttpMethod.Get, paper.DownloadUrl);
        request.Headers.Range = new RangeHeaderValue(10, 29);

        using var response = await funder.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(new ContentRangeHeaderValue(10, 29, pdf.Length), response.Content.Headers.ContentRange);
        Assert.Equal(pdf[10..30], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_public_paper_is_read_and_downloaded_without_an_account()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var pdf = TestPdfs.Create($"For everyone {TestPdfs.UniqueWord()}");
        var paper = await LibraryApi.PublishAsync(funder.Client, pdf, LibraryApi.Metadata(extra: new { visibility = "Public" }));
        var visitor = api.CreateClient();

        Assert.Equal(paper.Title, (await LibraryApi.GetAsync(visitor, paper.Id)).Title);
        Assert.Equal(pdf, await visitor.GetByteArrayAsync(paper.DownloadUrl));
        Assert.Equal(pdf, await visitor.GetByteArrayAsync(paper.Versions[0].DownloadUrl));
    }

    [Fact]
    public async Task A_members_only_paper_is_not_found_by_visitors_but_read_by_members()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var word = TestPdfs.UniqueWord();
        var pdf = TestPdfs.Create($"Members only {word}");
        var paper = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, pdf, LibraryApi.Metadata(extra: new { visibility = "Members" }));
        var visitor = api.CreateClient();

        using var page = await visitor.GetAsync($"/api/v1/papers/{paper.Id}");
        using var file = await visitor.GetAsync(paper.DownloadUrl);
        using var version = await visitor.GetAsync(paper.Versions[0].DownloadUrl);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Empty((await LibraryApi.SearchAsync(visitor, $"q={word}")).Items);

        Assert.Equal(PaperVisibility.Members, (await LibraryApi.GetAsync(member.Client, paper.Id)).Visibility);
        Assert.Equal(pdf, await member.Client.GetByteArrayAsync(paper.DownloadUrl));
        Assert.Equal(paper.Id, Assert.Single((await LibraryApi.SearchAsync(member.Client, $"q={word}")).Items).Paper.Id);
    }

    [Fact]
    public async Task Unknown_papers_and_versions_are_404()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"One version {TestPdfs.UniqueWord()}"));

        using var unknownPaper = await funder.Client.GetAsync($"/api/v1/papers/{Guid.NewGuid()}");
        using var unknownVersion = await funder.Client.GetAsync($"/api/v1/papers/{paper.Id}/versions/2/file");

        Assert.Equal(HttpStatusCode.NotFound, unknownPaper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownVersion.StatusCode);
    }
}
