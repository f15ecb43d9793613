using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Tests.Account;

/// <summary>`./cop run` joins by approval: the demo accounts are members, and one newcomer waits for the demo moderator.</summary>
public sealed class DemoJoiningTests
{
    private const string Password = "Demo-pass-2026!";

    [Fact]
    public async Task The_demo_accounts_are_members_and_the_demo_moderator_has_a_request_to_decide()
    {
        await using var demo = new ApiFactory().WithSetting("Seed:Demo", "true").WithSetting("Community:Joining", "Approval");
        await demo.InitializeAsync();

        var member = await SignInAsync(demo, "member@demo.communityofpractice.org.uk");
        await ThreadsApi.ExpectAsync(await member.GetAsync("/api/v1/threads"), HttpStatusCode.OK);

        var moderator = await SignInAsync(demo, "moderator@demo.communityofpractice.org.uk");
        var queue = await moderator.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests", Json.Options);
        var waiting = Assert.Single(queue!.Items, r => r.Email == "applicant@demo.communityofpractice.org.uk");
        Assert.Equal(["Southwark"], waiting.Places.Select(p => p.Name));

        var applicant = await SignInAsync(demo, "applicant@demo.communityofpractice.org.uk");
        await ThreadsApi.ExpectAsync(await applicant.GetAsync("/api/v1/threads"), HttpStatusCode.Forbidden);
        using var approved = await JoiningApi.SendDecisionAsync(moderator, waiting.Id, approve: true, "Welcome to the community.");
        await ThreadsApi.ExpectAsync(approved, HttpStatusCode.OK);
    }

    private static async Task<HttpClient> SignInAsync(ApiFactory demo, string email)
    {
        var client = demo.CreateClient();
        client.Authorize((await Tokens.PasswordGrantAsync(client, email, Password)).AccessToken);
        return client;
    }
}
