using CommunityOfPractice.Api.Tests.Organisations;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Profile;

[Collection(ApiCollection.Name)]
public sealed class ExportMyDataTests(ApiFactory api)
{
    [Fact]
    public async Task The_export_holds_my_posts_questions_registrations_and_assessments_and_nothing_of_anyone_elses()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var me = scenario.Admin;
        var other = await Community.JoinAsync(api.CreateClient, "Someone Else");
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var gathering = await EventsApi.CreateAsync(host.Client);
        await QaApi.OpenAsync(host.Client, gathering.Id);

        var thread = await ThreadsApi.StartAsync(me.Client, body: "My opening words.");
        var mine = await ThreadsApi.ReplyAsync(me.Client, thread.Id, "My reply about Peckham.");
        var theirs = await ThreadsApi.ReplyAsync(other.Client, thread.Id, "Their reply, not mine.");
        await EventsApi.RegisterAsync(me.Client, gathering.Id, listMe: true);
        await EventsApi.RegisterAsync(other.Client, gathering.Id);
        var myQuestion = await QaApi.AskAsync(me.Client, gathering.Id, $"How do places share assets? {Guid.NewGuid():N}");
        var theirQuestion = await QaApi.AskAsync(other.Client, gathering.Id, $"Who funds this? {Guid.NewGuid():N}");
        using (var voted = await QaApi.SendVoteAsync(me.Client, gathering.Id, theirQuestion.Id))
        {
            Assert.True(voted.IsSuccessStatusCode);
        }

        var assessment = await OrganisationsApi.RecordAsync(me.Client, scenario.Id, OrganisationsApi.Assessment(scenario.Hackney.Id, me.Id));
        using (var followed = await me.Client.PutAsync($"/api/v1/places/{scenario.Hackney.Id}/follow", null))
        {
            Assert.True(followed.IsSuccessStatusCode);
        }

        var export = await MyDataApi.ExportAsync(me.Client);

        Assert.Equal(me.Id, export.Profile.Id);
        Assert.Equal(me.Email, export.Profile.Email);
        Assert.Equal([thread.Id], export.ThreadsStarted.Select(t => t.Id));
        Assert.Equal(["My opening words.", "My reply about Peckham."], export.Posts.Select(p => p.Markdown));
        Assert.Contains(export.Posts, p => p.Id == mine.Id && p.ThreadTitle == thread.Title);
        Assert.DoesNotContain(export.Posts, p => p.Id == theirs.Id);
        Assert.Equal([myQuestion.Id], export.Questions.Select(q => q.Id));
        Assert.Equal([theirQuestion.Id], export.QuestionsVotedFor);
        var registration = Assert.Single(export.Registrations);
        Assert.Equal(gathering.Id, registration.EventId);
        Assert.True(registration.IsListed);
        var recorded = Assert.Single(export.Assessments);
        Assert.Equal(assessment.Id, recorded.Id);
        Assert.Equal(scenario.Organisation.Name, recorded.Organisation);
        Assert.Contains(export.OrganisationMemberships, m => m.OrganisationId == scenario.Id && m.IsAdmin);
        Assert.Contains(export.Follows, f => f.Kind == FollowTarget.Place && f.TargetId == scenario.Hackney.Id);
        Assert.Contains(thread.Id, export.ThreadsFollowed);
    }

    [Fact]
    public async Task The_export_is_a_download_that_is_never_cached()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync("/api/v1/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task A_visitor_has_nothing_to_export()
    {
        using var response = await api.CreateClient().GetAsync("/api/v1/me/data");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
