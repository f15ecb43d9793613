using CommunityOfPractice.Contracts.Library;
using System.Text.RegularExpressions;

namespace CommunityOfPractice.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed partial class LibraryTests(SiteFixture site)
{
    [Fact]
    public async Task A_funder_uploads_and_a_member_finds_it_by_a_phrase_filtered_to_Southwark_and_Connection_then_downloads_it()
    {
        var funder = await Community.JoinAsync(site.Api.CreateClient, "Fatima Funder", "funder");
        var member = await Journeys.JoinThroughApiAsync(site, "Priya Practitioner");
        var word = TestPdfs.UniqueWord();
        var phrase = $"residents lead the {word} network";
        var pdf = TestPdfs.Create(
            "Funding Place-Based Systemic Change: a case study.",
            $"In Southwark, {phrase} on every estate.");
        // The same phrase in a Hackney paper: only the filters tell them apart.
        var places = await LibraryApi.PlacesAsync(funder.Client);
        var hackneyPaper = await LibraryApi.PublishIndexedAsync(site.Api.Services, funder.Client,
            TestPdfs.Create($"In Hackney, {phrase} too."),
            LibraryApi.Metadata($"Hackney {word}", new { placeIds = new[] { places["Hackney"] }, stages = new[] { "Connection" } }));

        // The funder shares the paper through the Web.
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, funder.Email, funder.Password, "/Library/Publish");
        await page.GetByLabel("Title").FillAsync($"Southwark estates {word}");
        await page.GetByLabel("PDF file").SetInputFilesAsync(new FilePayload { Name = "southwark case study.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByLabel("Summary").FillAsync("How **residents** lead change on Southwark's estates.");
        await page.GetByLabel("Type").SelectOptionAsync("CaseStudy");
        await page.GetByLabel("Publication date").FillAsync("2025-03-01");
        await page.GetByLabel("Southwark", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Connection", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Members of the community only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share the paper" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Southwark estates {word}" })).ToBeVisibleAsync();
        var paperId = Guid.Parse(PaperUrl().Match(page.Url).Groups["id"].Value);
        await LibraryApi.ProcessedAsync(site.Api.Services, funder.Client, paperId);

        // A member finds it by a phrase from inside the PDF, from the header search box.
        var reader = await site.NewPageAsync();
        await Journeys.SignInAsync(reader, member.Email, member.Password);
        await reader.GetByRole(AriaRole.Banner).GetByLabel("Search the library").FillAsync($"\"{phrase}\"");
        await reader.GetByRole(AriaRole.Banner).GetByLabel("Search the library").PressAsync("Enter");
        await Expect(reader.Locator(".paper-card")).ToHaveCountAsync(2);

        await reader.GetByLabel("Southwark").CheckAsync();
        await Expect(reader).ToHaveURLAsync(new Regex("placeId="));
        await reader.GetByLabel("Connection").CheckAsync();
        await Expect(reader).ToHaveURLAsync(new Regex("stage=Connection"));

        var result = reader.Locator(".paper-card");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Southwark estates {word}");
        await Expect(result.Locator("mark").First).ToBeVisibleAsync();
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "Open at page 2" }))
            .ToHaveAttributeAsync("href", $"/Library/Papers/{paperId}/file#page=2");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = hackneyPaper.Title })).ToHaveCountAsync(0);

        // …opens it and downloads the PDF: the bytes the funder uploaded.
        await result.GetByRole(AriaRole.Link, new() { Name = $"Southwark estates {word}" }).ClickAsync();
        var download = await reader.RunAndWaitForDownloadAsync(() =>
            reader.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download") }).ClickAsync());
        Assert.Equal("southwark-case-study.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    [Fact]
    public async Task The_web_sends_a_pdf_as_a_sandboxed_document_that_loads_nothing_and_is_never_sniffed()
    {
        var funder = await Community.JoinAsync(site.Api.CreateClient, "Sandra Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Sandboxed {TestPdfs.UniqueWord()}"),
            LibraryApi.Metadata(extra: new { visibility = "Public" }));
        var visitor = await site.NewPageAsync();

        var response = await visitor.APIRequest.GetAsync($"/Library/Papers/{paper.Id}/file");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Equal(PaperFileHeaders.ContentSecurityPolicy, response.Headers["content-security-policy"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
    }

    [Fact]
    public async Task A_visitor_does_not_find_a_members_only_paper_and_a_member_cannot_open_the_share_form()
    {
        var funder = await Community.JoinAsync(site.Api.CreateClient, "Frank Funder", "funder");
        var member = await Journeys.JoinThroughApiAsync(site, "Mo Member");
        var word = TestPdfs.UniqueWord();
        await LibraryApi.PublishIndexedAsync(site.Api.Services, funder.Client, TestPdfs.Create($"Private {word}"),
            LibraryApi.Metadata($"Members paper {word}", new { visibility = "Members" }));

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/Library?q={word}");
        await Expect(visitor.GetByText("No papers match this search.")).ToBeVisibleAsync();

        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, $"/Library?q={word}");
        await Expect(page.Locator(".paper-card")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Share a paper" })).ToHaveCountAsync(0);
        await page.GotoAsync("/Library/Publish");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Share the paper" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_on_the_share_form_with_the_reason()
    {
        var funder = await Community.JoinAsync(site.Api.CreateClient, "Fern Funder", "funder");
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, funder.Email, funder.Password, "/Library/Publish");

        await page.GetByLabel("Title").FillAsync("Renamed program");
        await page.GetByLabel("PDF file").SetInputFilesAsync(new FilePayload
        {
            Name = "report.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        });
        await page.GetByLabel("Type").SelectOptionAsync("Report");
        await page.GetByLabel("Publication date").FillAsync("2025-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share the paper" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This file is not a PDF");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Renamed program");
    }

    [Fact]
    public async Task Results_page_on_with_the_search_kept_in_the_address()
    {
        var host = await Community.JoinAsync(site.Api.CreateClient, "Hana Host", "host");
        var word = TestPdfs.UniqueWord();
        for (var i = 0; i < 21; i++)
        {
            await LibraryApi.PublishAsync(host.Client, null, LibraryApi.Metadata($"{word} note {i}", new { externalUrl = $"https://example.org/{i}" }));
        }

        var page = await site.NewPageAsync();
        await page.GotoAsync($"/Library?q={word}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"21 papers for “{word}”" })).ToBeVisibleAsync();
        await Expect(page.Locator(".paper-card")).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"q={word}.*p=2"));
        await Expect(page.Locator(".paper-card")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Library/Papers/(?<id>[0-9a-f-]{36})")]
    private static partial Regex PaperUrl();
}
