using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>Two people in one thread, each in their own browser context, as on two laptops.</summary>
[Collection(SiteCollection.Name)]
public sealed class ThreadTests(SiteFixture site)
{
    [Fact]
    public async Task A_reply_posted_in_one_browser_appears_live_in_the_other_without_a_reload()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        var alicePage = await OpenThreadAsync(alice, thread.Id);
        var bobPage = await OpenThreadAsync(bob, thread.Id);
        var bobLoads = 0;
        bobPage.Load += (_, _) => bobLoads++;

        await alicePage.GetByLabel("Your reply").FillAsync("Residents set the agenda in **Hackney**. #PowerofPlace");
        await alicePage.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var arrived = bobPage.Locator("article.post", new() { HasText = "Residents set the agenda in Hackney" });
        await Expect(arrived).ToHaveCountAsync(1);
        await Expect(arrived.Locator("strong")).ToHaveTextAsync("Hackney");
        await Expect(arrived.Locator(".post-author")).ToHaveTextAsync(alice.DisplayName);
        await Expect(alicePage.Locator("article.post", new() { HasText = "Residents set the agenda" })).ToHaveCountAsync(1);
        await Expect(alicePage.GetByLabel("Your reply")).ToHaveValueAsync(string.Empty);
        Assert.Equal(0, bobLoads);
        var stored = (await ThreadsApi.PostPageAsync(bob.Client, thread.Id)).Items;
        Assert.Single(stored, p => p.Html!.Contains("Residents set the agenda", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_who_goes_offline_and_comes_back_misses_nothing_and_sees_nothing_twice()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        var bobPage = await OpenThreadAsync(bob, thread.Id);
        await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "Before the tunnel");
        await Expect(bobPage.Locator("article.post", new() { HasText = "Before the tunnel" })).ToHaveCountAsync(1);

        await bobPage.Context.SetOfflineAsync(true);
        await Expect(bobPage.Locator("#live-status")).ToHaveAttributeAsync("data-state", "offline");
        foreach (var n in Enumerable.Range(1, 3))
        {
            await ThreadsApi.ReplyAsync(alice.Client, thread.Id, $"In the tunnel {n}");
        }

        await bobPage.Context.SetOfflineAsync(false);
        await Expect(bobPage.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "After the tunnel");

        await Expect(bobPage.Locator("article.post", new() { HasText = "After the tunnel" })).ToHaveCountAsync(1);
        var numbers = await bobPage.Locator("#posts article.post").EvaluateAllAsync<int[]>("posts => posts.map(p => Number(p.dataset.number))");
        Assert.Equal(Enumerable.Range(1, 6), numbers);
        foreach (var n in Enumerable.Range(1, 3))
        {
            await Expect(bobPage.Locator("article.post", new() { HasText = $"In the tunnel {n}" })).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task Readers_see_how_many_are_reading_and_who_is_typing()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        var alicePage = await OpenThreadAsync(alice, thread.Id);
        var bobPage = await OpenThreadAsync(bob, thread.Id);

        await Expect(alicePage.Locator("#presence")).ToHaveTextAsync("· 2 reading");
        await alicePage.GetByLabel("Your reply").PressSequentiallyAsync("I think");

        await Expect(bobPage.Locator("#typing")).ToHaveTextAsync($"{alice.DisplayName} is typing…");
        await Expect(alicePage.Locator("#typing")).ToHaveTextAsync(string.Empty);
        await bobPage.CloseAsync();
        await Expect(alicePage.Locator("#presence")).ToHaveTextAsync(string.Empty);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_sent_keeps_its_text_and_says_why()
    {
        var (alice, _, thread) = await TwoMembersInAThreadAsync();
        var page = await OpenThreadAsync(alice, thread.Id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(page.Locator("#reply-error")).ToHaveTextAsync("Write your reply first.");

        await page.GetByLabel("Your reply").FillAsync("Written on a train");
        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(page.Locator("#reply-error")).ToContainTextAsync("Your text is still here");
        await Expect(page.GetByLabel("Your reply")).ToHaveValueAsync("Written on a train");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(page.Locator("article.post", new() { HasText = "Written on a train" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_member_returning_sees_how_many_replies_are_new_and_lands_on_the_first_of_them()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "Read before leaving");
        var bobPage = await OpenThreadAsync(bob, thread.Id);
        await bobPage.GotoAsync("/");
        foreach (var n in Enumerable.Range(1, 3))
        {
            await ThreadsApi.ReplyAsync(alice.Client, thread.Id, $"New while away {n}");
        }

        await bobPage.GotoAsync("/Threads");
        await bobPage.GetByRole(AriaRole.Link, new() { Name = "3 new replies" }).First.ClickAsync();

        await Expect(bobPage.Locator(".unread-marker")).ToHaveTextAsync("3 new posts since your last visit");
        await Expect(bobPage.Locator("#post-3")).ToContainTextAsync("New while away 1");
        await Expect(bobPage.Locator("#post-3")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("post-unread"));
        await Expect(bobPage.Locator("#post-2")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("post-unread"));
    }

    [Fact]
    public async Task Without_javascript_a_member_reads_the_thread_and_replies_with_the_plain_form()
    {
        var (alice, _, thread) = await TwoMembersInAThreadAsync();
        var page = await site.NewPageAsync(javaScript: false);
        await Journeys.SignInAsync(page, alice.Email, alice.Password, $"/Threads/{thread.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = thread.Title, Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Write your reply first.");

        await page.GetByLabel("Your reply").FillAsync("Sent the old-fashioned way");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        await Expect(page.Locator("article.post", new() { HasText = "Sent the old-fashioned way" })).ToHaveCountAsync(1);
        Assert.EndsWith("#post-2", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_starts_a_thread_and_finds_it_on_its_hashtag_page()
    {
        var alice = await Journeys.JoinThroughApiAsync(site, "Alice Starter");
        var tag = ThreadsApi.UniqueTag();
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, alice.Email, alice.Password, "/Threads");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Give the thread a title.");
        await page.GetByLabel("Title").FillAsync("Funding in Southwark: who has tried pooled budgets?");
        await page.GetByLabel("First post").FillAsync($"We are looking at pooled budgets across three funders. #{tag}");
        await page.GetByLabel("Framework stage (optional)").SelectOptionAsync("Connection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Funding in Southwark: who has tried pooled budgets?", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"#{tag}" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tags/{tag}$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Funding in Southwark: who has tried pooled budgets?" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_moderator_hides_a_post_and_locks_the_thread_and_readers_see_both_live()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        var moderator = await Community.JoinAsync(site.Api.CreateClient, "Morgan Moderator", "moderator");
        var unkind = await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "Something unkind about Bob");
        var bobPage = await OpenThreadAsync(bob, thread.Id);
        var alicePage = await OpenThreadAsync(alice, thread.Id);
        var moderatorPage = await OpenThreadAsync(moderator, thread.Id);

        var post = moderatorPage.Locator($"#post-{unkind.Number}");
        await post.GetByText("Hide", new() { Exact = true }).ClickAsync();
        await post.GetByLabel("Reason (the author sees it)").FillAsync("Please keep it kind");
        await post.GetByRole(AriaRole.Button, new() { Name = $"Hide post {unkind.Number}" }).ClickAsync();
        await Expect(moderatorPage.GetByText("Post hidden", new() { Exact = true })).ToBeVisibleAsync();

        await Expect(bobPage.Locator($"#post-{unkind.Number}")).ToContainTextAsync("Post hidden by a moderator.");
        await Expect(bobPage.GetByText("Something unkind about Bob")).ToHaveCountAsync(0);
        await alicePage.ReloadAsync();
        await Expect(alicePage.Locator($"#post-{unkind.Number}")).ToContainTextAsync("The reason given: Please keep it kind");

        await moderatorPage.GetByRole(AriaRole.Button, new() { Name = "Lock thread" }).ClickAsync();
        await Expect(bobPage.GetByText("This thread is locked: no new replies.")).ToBeVisibleAsync();
        await Expect(bobPage.GetByLabel("Your reply")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_author_edits_their_post_and_everyone_can_read_the_earlier_text()
    {
        var (alice, bob, thread) = await TwoMembersInAThreadAsync();
        var typo = await ThreadsApi.ReplyAsync(alice.Client, thread.Id, "We met in Southwarc");
        var bobPage = await OpenThreadAsync(bob, thread.Id);
        var alicePage = await OpenThreadAsync(alice, thread.Id);

        await alicePage.Locator($"#post-{typo.Number}").GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await alicePage.GetByLabel("Your post").FillAsync("We met in Southwark");
        await alicePage.GetByRole(AriaRole.Button, new() { Name = "Save post" }).ClickAsync();

        await Expect(bobPage.Locator($"#post-{typo.Number} .post-body")).ToHaveTextAsync("We met in Southwark");
        await Expect(bobPage.Locator($"#post-{typo.Number}").GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await bobPage.Locator($"#post-{typo.Number}").GetByRole(AriaRole.Link, new() { Name = "edited" }).ClickAsync();
        await Expect(bobPage.GetByRole(AriaRole.Heading, new() { Name = "Edit history" })).ToBeVisibleAsync();
        await Expect(bobPage.Locator(".revisions")).ToContainTextAsync("We met in Southwarc");
        await Expect(bobPage.GetByRole(AriaRole.Button, new() { Name = "Save post" })).ToHaveCountAsync(0);
    }

    private async Task<(TestMember Alice, TestMember Bob, ThreadDetail Thread)> TwoMembersInAThreadAsync()
    {
        var alice = await Journeys.JoinThroughApiAsync(site, "Alice");
        var bob = await Journeys.JoinThroughApiAsync(site, "Bob");
        var thread = await ThreadsApi.StartAsync(alice.Client, "What we heard at the gathering", "What did you take home? #PowerofPlace");
        return (alice, bob, thread);
    }

    private async Task<IPage> OpenThreadAsync(TestMember member, Guid threadId)
    {
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, member.Email, member.Password, $"/Threads/{threadId}");
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }
}
