using System.Globalization;
using System.IO.Compression;
using System.Net;
using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Api.Tests.Account;
using CommunityOfPractice.Domain.Library;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Tests.Library;

/// <summary>
/// Files built to take a reader down (tests/Testing/HostilePdfs.cs), uploaded through HTTP: each
/// ends in a refusal on <c>file</c> or a Failed extraction that says which budget it passed, while
/// other requests keep answering, and the Api (this process: the reader is a child of it) lives on.
/// </summary>
[Collection(HostileFilesCollection.Name)]
public sealed class HostileFileTests(HostileFilesFactory api)
{
    [Fact]
    public async Task The_flate_bomb_is_a_small_file_that_inflates_to_a_gibibyte()
    {
        var pdf = HostilePdfs.FlateBomb();
        var zlib = HostilePdfs.ZlibOfRepeats(HostilePdfs.BombPattern, HostilePdfs.BombInflatedBytes);

        await using var inflated = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await inflated.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.True(pdf.Length < 4 * 1024 * 1024, $"{pdf.Length} bytes");
        Assert.Equal(HostilePdfs.BombInflatedBytes, total);
    }

    [Fact]
    public async Task A_flate_bomb_upload_is_refused_on_file_for_memory_while_the_api_keeps_answering()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");

        var (response, answered) = await WhileOthersAskAsync(funder.Client,
            () => LibraryApi.PostAsync(funder.Client, LibraryApi.Metadata(), HostilePdfs.FlateBomb()));

        using (response)
        {
            var problem = await RegisterMemberTests.AssertValidationProblem(response);
            Assert.Equal(["Reading this PDF needed more memory than the library allows (512 MB), so it was stopped. It may hold a compressed stream that expands enormously; export it again and retry."],
                problem.Errors["file"]);
        }

        Assert.True(answered > 0);
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_flate_bomb_past_the_first_page_fails_its_extraction_for_memory()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, HostilePdfs.FlateBomb(bombOnPage: 2));

        var (processed, answered) = await WhileOthersAskAsync(funder.Client, () => LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id, wait: HostileFilesFactory.Wait));

        Assert.Equal(ExtractionStatus.Failed, processed.Status);
        Assert.StartsWith("Reading this PDF needed more memory than the library allows (512 MB)", processed.Versions[0].ExtractionError, StringComparison.Ordinal);
        Assert.True(answered > 0);
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_pdf_of_100000_pages_is_refused_on_file_with_the_page_limit()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");

        var (response, answered) = await WhileOthersAskAsync(funder.Client,
            () => LibraryApi.PostAsync(funder.Client, LibraryApi.Metadata(), HostilePdfs.ManyPages()));

        using (response)
        {
            var problem = await RegisterMemberTests.AssertValidationProblem(response);
            Assert.Equal(["This PDF has 100,000 pages; the library takes PDFs of up to 2,000 pages. Split it into parts, or share a link to it instead."],
                problem.Errors["file"]);
        }

        Assert.True(answered > 0);
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_pdf_nested_thousands_deep_is_refused_on_file()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");

        var (response, answered) = await WhileOthersAskAsync(funder.Client,
            () => LibraryApi.PostAsync(funder.Client, LibraryApi.Metadata(), HostilePdfs.DeepNesting()));

        using (response)
        {
            var problem = await RegisterMemberTests.AssertValidationProblem(response);
            Assert.Equal(["This PDF nests its objects more than 256 deep, far more than any real document, so it was not read. Export it again and retry."],
                problem.Errors["file"]);
        }

        Assert.True(answered > 0);
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_text_flood_fails_its_extraction_at_the_text_limit()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishAsync(funder.Client, HostilePdfs.TextFlood());

        var (processed, answered) = await WhileOthersAskAsync(funder.Client, () => LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id, wait: HostileFilesFactory.Wait));

        Assert.Equal(ExtractionStatus.Failed, processed.Status);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
                $"This PDF holds more text than the library indexes ({HostileFilesFactory.MaxTextCharacters:N0} characters), so it was not indexed. Split it into parts, or share a link to it instead."),
            processed.Versions[0].ExtractionError);
        Assert.True(answered > 0);
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_reading_past_its_time_budget_is_stopped_and_fails_the_extraction()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var reader = api.Services.GetRequiredService<IOptions<LibraryOptions>>().Value.Reader;
        var (budget, characters) = (reader.ExtractTimeout, reader.MaxTextCharacters);
        // A thousand pages of text take several seconds to read on any machine, and the text budget
        // is raised past them, so that only the clock can stop this reading (the usual flood of 150
        // pages can reach the text budget first within the second). The options object is the
        // Api's own (read at each start of a reader), set back afterwards.
        reader.ExtractTimeout = TimeSpan.FromSeconds(1);
        reader.MaxTextCharacters = int.MaxValue;
        try
        {
            var paper = await LibraryApi.PublishAsync(funder.Client, HostilePdfs.TextFlood(pages: 1_000));
            var processed = await LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id, wait: HostileFilesFactory.Wait);

            Assert.Equal(ExtractionStatus.Failed, processed.Status);
            Assert.Equal("Reading this PDF took longer than the library allows (1 second), so it was stopped. It may be damaged or built to overload readers; export it again and retry.",
                processed.Versions[0].ExtractionError);
        }
        finally
        {
            (reader.ExtractTimeout, reader.MaxTextCharacters) = (budget, characters);
        }

        await AssertAliveAsync();
    }

    [Fact]
    public async Task An_honest_pdf_is_still_read_after_the_hostile_ones()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var word = TestPdfs.UniqueWord();

        var paper = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create("Cover", $"An honest page about {word}."));

        Assert.Equal(2, paper.Versions[0].PageCount);
        Assert.Equal(2, Assert.Single((await LibraryApi.SearchAsync(funder.Client, $"q={word}")).Items).Page);
    }

    /// <summary>
    /// Runs <paramref name="work"/> and, until it ends, asks for readiness and the thread list over
    /// and over (at least once): every answer must be 200. Returns the work's result and how many
    /// pairs were answered meanwhile.
    /// </summary>
    private async Task<(T Result, int Answered)> WhileOthersAskAsync<T>(HttpClient member, Func<Task<T>> work)
    {
        using var visitor = api.CreateClient();
        var running = Task.Run(work);
        var answered = 0;
        do
        {
            using var ready = await visitor.GetAsync("/health/ready");
            using var threads = await member.GetAsync("/api/v1/threads");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, threads.StatusCode);
            answered++;
            // Paced, so the asking does not crowd out the reading on a small machine; ends early with the work.
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }
        while (!running.IsCompleted);

        return (await running, answered);
    }

    private async Task AssertAliveAsync()
    {
        using var visitor = api.CreateClient();
        using var ready = await visitor.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}

/// <summary>
/// The Api as it is configured in production for reading (512 MB per reader, two at once), with
/// room for the fixtures: uploads up to 16 MB (the 100,000 pages are 8 MB), a generous time
/// budget so a busy test machine meets the limits that are meant, not the clock, and a text limit
/// of 250,000 characters so the flood meets it on its third page.
/// </summary>
public sealed class HostileFilesFactory : ApiFactory
{
    public const int MaxTextCharacters = 250_000;

    /// <summary>How long a test waits for an extraction: the budget and then some.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(4);

    public HostileFilesFactory()
    {
        WithSetting("Library:MaxUploadBytes", (16 * 1024 * 1024).ToString(CultureInfo.InvariantCulture));
        WithSetting("Library:Reader:InspectTimeout", "00:02:00");
        WithSetting("Library:Reader:ExtractTimeout", "00:03:00");
        WithSetting("Library:Reader:MaxTextCharacters", MaxTextCharacters.ToString(CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class HostileFilesCollection : ICollectionFixture<HostileFilesFactory>
{
    public const string Name = "Hostile files";
}
