using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>
/// While joining is by approval: the applicant hears the decision under their bell (with the
/// moderator's message), and hears nothing from members-only threads until they are a member.
/// </summary>
[Collection(JoiningCollection.Name)]
public sealed class JoinDecisionNotificationTests(ApprovalJoiningFactory api)
{
    [Theory]
    [InlineData(true, "Welcome: your request to join Community of Practice was approved", "Glad to have you, see you at Power of Place.")]
    [InlineData(false, "Your request to join Community of Practice was declined", "We could not find your organisation; write to us.")]
    public async Task The_applicant_hears_the_decision_with_its_message(bool approve, string title, string message)
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        using var moderator = await Community.AdminAsync(api.CreateClient);
        var request = await JoiningApi.MineAsync(applicant.Client);

        using var decided = await JoiningApi.SendDecisionAsync(moderator, request.Id, approve, message);
        Assert.True(decided.IsSuccessStatusCode, decided.StatusCode.ToString());

        var told = Assert.Single((await NotificationsApi.WaitForKindAsync(applicant.Client, NotificationKind.JoinDecision)).Items);
        Assert.Equal((title, message, "/account/join-request"), (told.Title, told.Text, told.Link));
    }

    [Fact]
    public async Task An_applicant_mentioned_in_a_thread_hears_nothing()
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        var member = await JoiningApi.MemberAsync(api.CreateClient, "Mentioning Member");
        var witness = await JoiningApi.MemberAsync(api.CreateClient, "Witness Member");
        var thread = await ThreadsApi.StartAsync(member.Client, "Who is joining?");

        // One post, one fan-out: when the witness has theirs, the applicant's would be there too.
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Hello {NotificationsApi.Handle(applicant)} and {NotificationsApi.Handle(witness)}.");
        await NotificationsApi.WaitForKindAsync(witness.Client, NotificationKind.Mention);
        Assert.Empty((await NotificationsApi.ListAsync(applicant.Client)).Items);
    }
}
