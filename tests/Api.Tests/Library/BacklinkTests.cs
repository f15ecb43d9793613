namespace CommunityOfPractice.Api.Tests.Library;

[Collection(LibraryCollection.Name)]
public sealed class BacklinkTests(LibraryFactory api)
{
    [Fact]
    public async Task A_paper_lists_its_thread_and_the_threads_whose_posts_link_to_it_for_members_only()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var own = await ThreadsApi.StartAsync(funder.Client, "Reading group", "Let's read it together.");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Linked {TestPdfs.UniqueWord()}"),
            LibraryApi.Metadata(extra: new { threadId = own.Id }));
        var mentioning = await ThreadsApi.StartAsync(member.Client, "What we are reading", $"See [the paper](/Library/Papers/{paper.Id}).");
        await ThreadsApi.StartAsync(member.Client, "Unrelated", "Nothing to see.");

        var seenByMember = await LibraryApi.GetAsync(member.Client, paper.Id);
        var seenByVisitor = await LibraryApi.GetAsync(api.CreateClient(), paper.Id);

        Assert.Equal([mentioning.Id, own.Id], seenByMember.DiscussedIn.Select(t => t.Id));
        Assert.Empty(seenByVisitor.DiscussedIn);
    }

    [Fact]
    public async Task A_paper_lists_the_published_events_that_link_to_it_for_members_only()
    {
        var funder = await Community.JoinAsync(api.CreateClient, "Funder", "funder", "host");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var paper = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create($"Presented {TestPdfs.UniqueWord()}"));
        var link = $"We will present [the learning paper](/Library/Papers/{paper.Id}).";
        var presented = await EventsApi.CreateAsync(funder.Client, new { description = link });
        await EventsApi.CreateAsync(funder.Client, new { description = link }, publish: false);
        await EventsApi.CreateAsync(funder.Client, new { description = "Nothing to do with it." });

        var seenByMember = await LibraryApi.GetAsync(member.Client, paper.Id);
        var seenByVisitor = await LibraryApi.GetAsync(api.CreateClient(), paper.Id);

        Assert.Equal([presented.Id], seenByMember.PresentedAt.Select(e => e.Id));
        Assert.Empty(seenByVisitor.PresentedAt);
    }
}
