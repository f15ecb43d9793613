using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Domain.Library;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Library;

[Collection(LibraryCollection.Name)]
public sealed class ExtractionTests(LibraryFactory api)
{
    [Fact]
    public async Task A_word_only_on_page_3_is_found_with_that_page_after_extraction()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var word = TestPdfs.UniqueWord();
        var pdf = TestPdfs.Create(
            "Page one: an introduction to place-based systemic change.",
            "Page two: how funders can work with councils.",
            $"Page three: the neighbourhood network tried {word} with residents.",
            "Page four: what comes next.");

        var paper = await LibraryApi.PublishAsync(funder.Client, pdf);
        var indexed = await LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id);
        var results = await LibraryApi.SearchAsync(funder.Client, $"q={word}");

        Assert.Equal(ExtractionStatus.Indexed, indexed.Status);
        Assert.Equal(4, indexed.Versions[0].PageCount);
        var hit = Assert.Single(results.Items);
        Assert.Equal(paper.Id, hit.Paper.Id);
        Assert.Equal(3, hit.Page);
        Assert.Contains($"<mark>{word}</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Page one", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_is_searched_instead_of_the_old_one()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var (oldWord, newWord) = (TestPdfs.UniqueWord(), TestPdfs.UniqueWord());
        var paper = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create($"Draft with {oldWord}"));

        await LibraryApi.AddVersionAsync(funder.Client, paper.Id, TestPdfs.Create("Cover", $"Final with {newWord}"));
        var indexed = await LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id, version: 2);

        Assert.Equal(ExtractionStatus.Indexed, indexed.Status);
        Assert.Empty((await LibraryApi.SearchAsync(funder.Client, $"q={oldWord}")).Items);
        Assert.Equal(2, Assert.Single((await LibraryApi.SearchAsync(funder.Client, $"q={newWord}")).Items).Page);
    }

    [Fact]
    public async Task An_unreadable_file_is_marked_failed_and_only_the_uploader_sees_why()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var paper = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create($"Soon damaged {TestPdfs.UniqueWord()}"));

        // The blob is damaged on disk and the version queued again, as a job left in the table
        // by an earlier run would be: the worker takes it up from PostgreSQL.
        await File.WriteAllTextAsync(api.BlobPath(paper.Versions[0].Sha256), "%PDF-1.4 damaged beyond repair");
        await api.ExecuteAsync("UPDATE paper_versions SET status = 'Indexing' WHERE paper_id = @paper", ("paper", paper.Id));
        await api.ExecuteAsync("""
            INSERT INTO paper_extraction_jobs (version_id, attempts, enqueued_at)
            SELECT id, 0, now() FROM paper_versions WHERE paper_id = @paper
            """, ("paper", paper.Id));
        var waiting = LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id);
        api.Services.GetRequiredService<ExtractionSignal>().Wake();
        var failed = await waiting;

        Assert.Equal(ExtractionStatus.Failed, failed.Status);
        Assert.Contains("could not be read", failed.Versions[0].ExtractionError, StringComparison.Ordinal);
        var seenByMember = await LibraryApi.GetAsync(member.Client, paper.Id);
        Assert.Equal(ExtractionStatus.Failed, seenByMember.Status);
        Assert.Null(seenByMember.Versions[0].ExtractionError);
    }

    [Fact]
    public async Task A_file_whose_every_try_was_cut_off_is_marked_failed_without_being_read_again()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var paper = await LibraryApi.PublishIndexedAsync(api.Services, funder.Client, TestPdfs.Create($"Fine on its own {TestPdfs.UniqueWord()}"));

        // As a crash loop leaves it: claimed as often as it may be tried, each lease run out
        // without an outcome. The file itself is readable, so reading it would mark it Indexed.
        await api.ExecuteAsync("UPDATE paper_versions SET status = 'Indexing' WHERE paper_id = @paper", ("paper", paper.Id));
        await api.ExecuteAsync($"""
            INSERT INTO paper_extraction_jobs (version_id, attempts, enqueued_at, locked_until)
            SELECT id, {ExtractionWorker.MaxAttempts}, now(), now() - interval '1 minute' FROM paper_versions WHERE paper_id = @paper
            """, ("paper", paper.Id));
        var waiting = LibraryApi.ProcessedAsync(api.Services, funder.Client, paper.Id);
        api.Services.GetRequiredService<ExtractionSignal>().Wake();
        var failed = await waiting;

        Assert.Equal(ExtractionStatus.Failed, failed.Status);
        Assert.Contains("stopped the server several times", failed.Versions[0].ExtractionError, StringComparison.Ordinal);
    }
}
