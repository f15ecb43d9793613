using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Events.Qa;

[Collection(EventsCollection.Name)]
public sealed class QaTests(EventsServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    private async Task<(TestMember Host, EventDetail Event)> WebinarAsync(bool open = true, bool requireApproval = false)
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var webinar = await EventsApi.CreateAsync(host.Client);
        if (open)
        {
            await QaApi.OpenAsync(host.Client, webinar.Id, requireApproval);
        }

        return (host, webinar);
    }

    private async Task<TestMember> AttendeeAsync(Guid eventId, string name = "Attendee")
    {
        var member = await Community.JoinAsync(api.CreateClient, name);
        await EventsApi.RegisterAsync(member.Client, eventId);
        return member;
    }

    [Fact]
    public async Task Five_hundred_members_voting_at_once_make_exactly_500_and_readers_get_coalesced_totals()
    {
        var (host, webinar) = await WebinarAsync();
        var asker = await AttendeeAsync(webinar.Id, "Asker");
        var question = await QaApi.AskAsync(asker.Client, webinar.Id, "How do funders share power with places?");
        var voters = await api.JoinManyAsync(500, "Voter");
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(voters.Select(async voter =>
            {
                await gate.WaitAsync();
                try
                {
                    await EventsApi.RegisterAsync(voter.Client, webinar.Id);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var state = await QaApi.GetAsync(host.Client, webinar.Id);
        await using var reader = api.QaReader(asker, webinar.Id, state.LastSeq);
        var reached500 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.Applied += e =>
        {
            if (e.Kind == "votes.updated" && e.Data.GetProperty("totals").EnumerateArray()
                    .Any(t => t.GetProperty("id").GetGuid() == question.Id && t.GetProperty("votes").GetInt32() == 500))
            {
                reached500.TrySetResult();
            }
        };
        await reader.StartAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var voting = voters.Select(async voter =>
        {
            await start.Task;
            using var response = await QaApi.SendVoteAsync(voter.Client, webinar.Id, question.Id);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(voting);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(500, (await QaApi.GetAsync(host.Client, webinar.Id)).Questions.Single(q => q.Id == question.Id).Votes);
        await reached500.Task.WaitAsync(_timeout);

        // Coalesced: fewer totals messages than votes (one per vote would be 500), each carrying
        // the latest total rather than a delta, so the totals seen only ever go up, ending at 500.
        var seen = reader.Events.Where(e => e.Kind == "votes.updated")
            .SelectMany(e => e.Data.GetProperty("totals").EnumerateArray())
            .Where(t => t.GetProperty("id").GetGuid() == question.Id)
            .Select(t => t.GetProperty("votes").GetInt32()).ToList();
        Assert.InRange(seen.Count, 1, 499);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(500, seen[^1]);
    }

    [Fact]
    public async Task One_member_voting_ten_times_at_once_counts_once_and_the_rest_are_409()
    {
        var (_, webinar) = await WebinarAsync();
        var member = await AttendeeAsync(webinar.Id);
        var question = await QaApi.AskAsync(member.Client, webinar.Id, "Can we see the five stages as a picture?");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await QaApi.SendVoteAsync(member.Client, webinar.Id, question.Id);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(s => s == HttpStatusCode.Conflict));
        var seen = (await QaApi.GetAsync(member.Client, webinar.Id)).Questions.Single();
        Assert.Equal((1, true), (seen.Votes, seen.VotedByMe));

        using var back = await member.Client.DeleteAsync($"/api/v1/events/{webinar.Id}/qa/questions/{question.Id}/vote");
        Assert.Equal(0, (await ThreadsApi.ExpectAsync<VoteResult>(back, HttpStatusCode.OK)).Votes);
    }

    [Fact]
    public async Task Asking_needs_a_seat_an_open_qa_and_at_most_500_characters()
    {
        var (host, webinar) = await WebinarAsync(open: false);
        var attendee = await AttendeeAsync(webinar.Id);
        var outsider = await Community.JoinAsync(api.CreateClient, "Outsider");

        using (var closed = await QaApi.SendAskAsync(attendee.Client, webinar.Id, "Anyone there?"))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        }

        await QaApi.OpenAsync(host.Client, webinar.Id);
        using var notRegistered = await QaApi.SendAskAsync(outsider.Client, webinar.Id, "Let me in");
        using var tooLong = await QaApi.SendAskAsync(attendee.Client, webinar.Id, new string('q', 501));
        using var empty = await QaApi.SendAskAsync(attendee.Client, webinar.Id, "  ");
        using var longest = await QaApi.SendAskAsync(attendee.Client, webinar.Id, new string('q', 500));

        Assert.Equal(HttpStatusCode.Forbidden, notRegistered.StatusCode);
        Assert.Equal(["text"], (await RegisterMemberTests.AssertValidationProblem(tooLong)).Errors.Keys);
        Assert.Equal(["text"], (await RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys);
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Single((await QaApi.GetAsync(host.Client, webinar.Id)).Questions);

        using var closing = await host.Client.PostAsync($"/api/v1/events/{webinar.Id}/qa/close", null);
        await ThreadsApi.ExpectAsync(closing, HttpStatusCode.OK);
        using var afterClose = await QaApi.SendAskAsync(attendee.Client, webinar.Id, "Too late?");
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
    }

    [Fact]
    public async Task A_retried_ask_with_the_same_idempotency_key_is_stored_once()
    {
        var (host, webinar) = await WebinarAsync();
        var attendee = await AttendeeAsync(webinar.Id);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await QaApi.SendAskAsync(attendee.Client, webinar.Id, "Asked on a bad connection", idempotencyKey: key);
            return await ThreadsApi.ExpectAsync<QuestionView>(response, HttpStatusCode.Created);
        }));

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single((await QaApi.GetAsync(host.Client, webinar.Id)).Questions);
    }

    [Fact]
    public async Task Unapproved_and_hidden_questions_reach_only_hosts_and_their_asker_who_sees_why()
    {
        var (host, webinar) = await WebinarAsync(requireApproval: true);
        var asker = await AttendeeAsync(webinar.Id, "Asker");
        var other = await AttendeeAsync(webinar.Id, "Other");
        var secret = $"secret-{Guid.NewGuid():N}";

        var asked = await QaApi.AskAsync(asker.Client, webinar.Id, $"Pending question {secret}", anonymous: true);
        Assert.Equal(QuestionStatus.Pending, asked.Status);
        Assert.Empty((await QaApi.GetAsync(other.Client, webinar.Id)).Questions);
        Assert.Equal(QuestionStatus.Pending, Assert.Single((await QaApi.GetAsync(asker.Client, webinar.Id)).Questions).Status);
        var queued = Assert.Single((await QaApi.GetAsync(host.Client, webinar.Id)).Questions);
        Assert.Equal(asker.Id, queued.Author?.Id);

        // The moderation stream is for hosts and moderators only; the public one never had the text.
        await using (var otherConnection = await api.ConnectAsync(other))
        {
            await Assert.ThrowsAsync<HubException>(() => otherConnection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.ModerationStreamOf(webinar.Id), 0L));
            var publicCatchUp = await otherConnection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(webinar.Id), 0L);
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(publicCatchUp), StringComparison.Ordinal);
        }

        await using (var hostConnection = await api.ConnectAsync(host))
        {
            var queue = await hostConnection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.ModerationStreamOf(webinar.Id), 0L);
            Assert.Contains(queue.Events, e => e.Kind == "question.pending" && e.Data.GetProperty("id").GetGuid() == asked.Id);
        }

        // Approved: everyone sees it, anonymous to attendees but not to hosts.
        await QaApi.ModerateAsync(host.Client, webinar.Id, asked.Id, "approve");
        var seenByOther = Assert.Single((await QaApi.GetAsync(other.Client, webinar.Id)).Questions);
        Assert.Null(seenByOther.Author);
        Assert.Equal(asker.Id, Assert.Single((await QaApi.GetAsync(host.Client, webinar.Id)).Questions).Author?.Id);

        // Hidden: gone for others, live and in catch-up; the asker sees that and why.
        await QaApi.ModerateAsync(host.Client, webinar.Id, asked.Id, "hide", new { reason = "Off topic for this webinar" });
        Assert.Empty((await QaApi.GetAsync(other.Client, webinar.Id)).Questions);
        var mine = Assert.Single((await QaApi.GetAsync(asker.Client, webinar.Id)).Questions);
        Assert.Equal((QuestionStatus.Hidden, "Off topic for this webinar"), (mine.Status, mine.ModerationReason));
        await using var late = await api.ConnectAsync(other);
        var catchUp = await late.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(webinar.Id), 0L);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(catchUp), StringComparison.Ordinal);
        Assert.Contains(catchUp.Events, e => e.Kind == "question.removed");
    }

    [Fact]
    public async Task Only_hosts_and_moderators_moderate_and_hiding_needs_a_reason()
    {
        var (host, webinar) = await WebinarAsync();
        var attendee = await AttendeeAsync(webinar.Id);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var question = await QaApi.AskAsync(attendee.Client, webinar.Id, "Who decides?");

        using var byAttendee = await attendee.Client.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/qa/questions/{question.Id}/pin", new { });
        using var noReason = await host.Client.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/qa/questions/{question.Id}/hide", new { });
        using var openByAttendee = await attendee.Client.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/qa/open", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byAttendee.StatusCode);
        Assert.Equal(["reason"], (await RegisterMemberTests.AssertValidationProblem(noReason)).Errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, openByAttendee.StatusCode);
        var pinned = await QaApi.ModerateAsync(moderator.Client, webinar.Id, question.Id, "pin");
        Assert.True(pinned.IsPinned);
        Assert.Equal(question.Id, (await QaApi.GetAsync(attendee.Client, webinar.Id)).PinnedQuestionId);
    }

    [Fact]
    public async Task Pin_answer_and_edit_reach_attendees_live_in_order()
    {
        var (host, webinar) = await WebinarAsync();
        var attendee = await AttendeeAsync(webinar.Id);
        var question = await QaApi.AskAsync(attendee.Client, webinar.Id, "How do we mesure change?");
        var state = await QaApi.GetAsync(attendee.Client, webinar.Id);
        await using var reader = api.QaReader(attendee, webinar.Id, state.LastSeq);
        await reader.StartAsync();

        await QaApi.ModerateAsync(host.Client, webinar.Id, question.Id, "edit", new { text = "How do we measure change?" });
        await QaApi.ModerateAsync(host.Client, webinar.Id, question.Id, "pin");
        await QaApi.ModerateAsync(host.Client, webinar.Id, question.Id, "answered");

        await reader.WaitForSeqAsync(state.LastSeq + 4, _timeout);
        Assert.Equal(["question.updated", "question.updated", "question.pinned", "question.updated"], reader.Events.Select(e => e.Kind));
        Assert.Equal("How do we measure change?", reader.Events[0].Data.GetProperty("text").GetString());
        Assert.Equal(question.Id, reader.Events[2].Data.GetProperty("questionId").GetGuid());
        Assert.True(reader.Events[3].Data.GetProperty("isAnswered").GetBoolean());
    }

    [Fact]
    public async Task Events_committed_together_reach_a_reader_in_one_message_in_order()
    {
        var (host, webinar) = await WebinarAsync();
        var attendee = await AttendeeAsync(webinar.Id);
        var question = await QaApi.AskAsync(attendee.Client, webinar.Id, "Who else is working on this in Leeds?");
        var state = await QaApi.GetAsync(attendee.Client, webinar.Id);
        await using var connection = await api.ConnectAsync(attendee);
        var singles = new List<LiveEvent>();
        var batches = new List<LiveEvent[]>();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveEvent>("event", e => { lock (singles) { singles.Add(e); } });
        connection.On<LiveEvent[]>("events", events => { lock (batches) { batches.Add(events); } heard.TrySetResult(); });
        await connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(webinar.Id), state.LastSeq);

        // A pin appends the question's update and the new pin in one unit of work: they are released together.
        await QaApi.ModerateAsync(host.Client, webinar.Id, question.Id, "pin");

        await heard.Task.WaitAsync(_timeout);
        var batch = Assert.Single(batches);
        Assert.Equal([(state.LastSeq + 1, "question.updated"), (state.LastSeq + 2, "question.pinned")], batch.Select(e => (e.Seq, e.Kind)));
        Assert.Empty(singles);
    }

    [Fact]
    public async Task Merging_duplicates_combines_votes_without_counting_anyone_twice()
    {
        var (host, webinar) = await WebinarAsync();
        var a = await AttendeeAsync(webinar.Id, "A");
        var b = await AttendeeAsync(webinar.Id, "B");
        var c = await AttendeeAsync(webinar.Id, "C");
        var original = await QaApi.AskAsync(a.Client, webinar.Id, "Will the slides be shared after the webinar?");
        var duplicate = await QaApi.AskAsync(b.Client, webinar.Id, "Will the slides be shared afterwards?");
        foreach (var (voter, id) in new[] { (a, original.Id), (b, original.Id), (b, duplicate.Id), (c, duplicate.Id) })
        {
            using var vote = await QaApi.SendVoteAsync(voter.Client, webinar.Id, id);
            await ThreadsApi.ExpectAsync(vote, HttpStatusCode.OK);
        }

        using var similar = await c.Client.GetAsync($"/api/v1/events/{webinar.Id}/qa/similar?text={Uri.EscapeDataString("will the slides be shared")}");
        var suggestions = await ThreadsApi.ExpectAsync<QuestionView[]>(similar, HttpStatusCode.OK);
        Assert.Contains(suggestions, s => s.Id == original.Id);

        await QaApi.ModerateAsync(host.Client, webinar.Id, duplicate.Id, "merge", new { intoQuestionId = original.Id });

        var questions = (await QaApi.GetAsync(c.Client, webinar.Id)).Questions;
        var merged = Assert.Single(questions, q => q.Id == original.Id);
        Assert.Equal(3, merged.Votes);
        Assert.True(merged.VotedByMe);
        var mine = Assert.Single((await QaApi.GetAsync(b.Client, webinar.Id)).Questions, q => q.Id == duplicate.Id);
        Assert.Equal(QuestionStatus.Merged, mine.Status);
        Assert.NotNull(mine.ModerationReason);
    }

    [Fact]
    public async Task Hosts_export_questions_and_answer_in_writing_afterwards_and_the_asker_is_told()
    {
        var (host, webinar) = await WebinarAsync();
        var attendee = await AttendeeAsync(webinar.Id);
        var question = await QaApi.AskAsync(attendee.Client, webinar.Id, "=cmd|' /C calc'!A0 is this safe?");
        using (var vote = await QaApi.SendVoteAsync(attendee.Client, webinar.Id, question.Id))
        {
            await ThreadsApi.ExpectAsync(vote, HttpStatusCode.OK);
        }

        await QaApi.ModerateAsync(host.Client, webinar.Id, question.Id, "answer", new { answer = "Yes: **exports escape formulas**." });
        var mine = Assert.Single((await QaApi.GetAsync(attendee.Client, webinar.Id)).Questions);
        Assert.True(mine.IsAnswered);
        Assert.Contains("<strong>exports escape formulas</strong>", mine.AnswerHtml);
        Assert.NotNull(mine.Notice);

        using var forbidden = await attendee.Client.GetAsync($"/api/v1/events/{webinar.Id}/qa/export.csv");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var csv = await host.Client.GetAsync($"/api/v1/events/{webinar.Id}/qa/export.csv");
        await ThreadsApi.ExpectAsync(csv, HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Question,Votes,Answered", lines[0]);
        Assert.DoesNotContain(lines[1].Split(','), cell => cell.TrimStart('"').StartsWith('='));
        Assert.Contains(",1,yes,", lines[1]);
        using var markdown = await host.Client.GetAsync($"/api/v1/events/{webinar.Id}/qa/export.md");
        Assert.Contains("**1 votes** (answered)", await markdown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Qa_streams_of_drafts_and_unknown_events_cannot_be_subscribed_and_questions_sort_by_votes_or_time()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var draft = await EventsApi.CreateAsync(host.Client, publish: false);
        await using (var connection = await api.ConnectAsync(member))
        {
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(draft.Id), 0L));
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(Guid.NewGuid()), 0L));
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", "qa:not-a-guid", 0L));
        }

        await using (var hostConnection = await api.ConnectAsync(host))
        {
            var own = await hostConnection.InvokeAsync<LiveSubscription>("Subscribe", QaApi.StreamOf(draft.Id), 0L);
            Assert.Equal(QaApi.StreamOf(draft.Id), own.Stream);
        }

        var (_, webinar) = await WebinarAsync();
        var first = await AttendeeAsync(webinar.Id, "First");
        var second = await AttendeeAsync(webinar.Id, "Second");
        var early = await QaApi.AskAsync(first.Client, webinar.Id, "Asked first, voted least");
        var late = await QaApi.AskAsync(second.Client, webinar.Id, "Asked second, voted most");
        foreach (var voter in new[] { first, second })
        {
            using var vote = await QaApi.SendVoteAsync(voter.Client, webinar.Id, late.Id);
            await ThreadsApi.ExpectAsync(vote, HttpStatusCode.OK);
        }

        Assert.Equal([late.Id, early.Id], (await QaApi.GetAsync(first.Client, webinar.Id, "Votes")).Questions.Select(q => q.Id));
        Assert.Equal([early.Id, late.Id], (await QaApi.GetAsync(first.Client, webinar.Id, "Time")).Questions.Select(q => q.Id));
    }
}
