using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>
/// While joining is by approval: moderators hear that requests wait, the applicant hears the
/// decision under their bell (with the moderator's message), and hears nothing from members-only
/// threads until they are a member.
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

    [Fact]
    public async Task Moderators_hear_of_requests_to_join_counted_together_until_they_look()
    {
        var moderator = await JoiningApi.MemberAsync(api.CreateClient, "Deciding Moderator", Contracts.Roles.Moderator);
        var member = await JoiningApi.MemberAsync(api.CreateClient, "Bystanding Member");

        var first = await JoiningApi.ApplicantAsync(api.CreateClient);
        var told = Assert.Single((await NotificationsApi.WaitForKindAsync(moderator.Client, NotificationKind.JoinRequest)).Items);
        Assert.Equal(($"{first.DisplayName} asks to join the community", "I work on place-based change.", "/admin/join-requests"), (told.Title, told.Text, told.Link));

        await JoiningApi.ApplicantAsync(api.CreateClient);
        await JoiningApi.ApplicantAsync(api.CreateClient);
        var counted = await NotificationsApi.WaitForAsync(moderator.Client, p => p.Items.Any(n => n.Title == "3 people ask to join the community"));
        Assert.Equal((1, 1), (counted.Items.Count, counted.Unread));

        // A member who decides nothing hears nothing of it.
        Assert.DoesNotContain((await NotificationsApi.ListAsync(member.Client)).Items, n => n.Kind == NotificationKind.JoinRequest);
    }
}
