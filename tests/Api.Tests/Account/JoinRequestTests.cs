using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Account;

[Collection(JoiningCollection.Name)]
public sealed class JoinRequestTests(ApprovalJoiningFactory api)
{
    [Fact]
    public async Task The_rules_say_joining_is_by_approval()
    {
        var rules = await api.CreateClient().GetFromJsonAsync<JoiningRules>("/api/v1/account/joining", Json.Options);

        Assert.Equal(JoiningMode.Approval, rules!.Mode);
    }

    [Fact]
    public async Task An_applicant_reads_public_content_only_until_a_moderator_approves_then_reads_posts_and_registers()
    {
        var funder = await JoiningApi.MemberAsync(api.CreateClient, "Fran Funder", "funder", "host");
        var membersOnly = await LibraryApi.PublishAsync(funder.Client, TestPdfs.Create("A members-only paper."),
            LibraryApi.Metadata(extra: new { visibility = "Members" }));
        var gathering = await EventsApi.CreateAsync(funder.Client);
        var thread = await ThreadsApi.StartAsync(funder.Client, $"Members talk {Guid.NewGuid():N}"[..24]);
        var places = await OrganisationsApi.PlacesAsync(api.CreateClient(), "Southwark", "Hackney");
        var organisation = await OrganisationsApi.ProposeAsync(funder.Client);

        var request = JoiningApi.Request([places[0].Id, places[1].Id], "I run a food bank.", organisation.Id);
        using var registeredResponse = await JoiningApi.SendRegisterAsync(api.CreateClient(), request);
        var registered = await ThreadsApi.ExpectAsync<Registered>(registeredResponse, HttpStatusCode.Created);
        Assert.False(registered.IsApproved);
        var applicant = await JoiningApi.SignInAgainAsync(
            new TestMember(registered.Id, request.Email, request.Password, registered.DisplayName, api.CreateClient(), null!), api.CreateClient);

        var mine = await JoiningApi.MineAsync(applicant.Client);
        Assert.Equal(JoinRequestStatus.Pending, mine.Status);
        Assert.Equal("I run a food bank.", mine.Why);
        Assert.Equal(organisation.Id, mine.Organisation!.Id);
        Assert.Equal(["Hackney", "Southwark"], mine.Places.Select(p => p.Name));
        var profile = await applicant.Client.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options);
        Assert.Empty(profile!.Roles);
        Assert.Equal(["Hackney", "Southwark"], profile.Places.Select(p => p.Name));

        await ThreadsApi.ExpectAsync(await applicant.Client.GetAsync("/api/v1/threads"), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await ThreadsApi.SendReplyAsync(applicant.Client, thread.Id, "Hello"), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await EventsApi.SendRegisterAsync(applicant.Client, gathering.Id), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await applicant.Client.GetAsync($"/api/v1/papers/{membersOnly.Id}"), HttpStatusCode.NotFound);
        var search = await applicant.Client.GetFromJsonAsync<CommunityOfPractice.Contracts.Library.SearchResults>($"/api/v1/papers?limit={CommunityOfPractice.Contracts.Library.LibraryLimits.SearchMaxLimit}", Json.Options);
        Assert.DoesNotContain(search!.Items, hit => hit.Paper.Id == membersOnly.Id);

        using var moderator = await Community.AdminAsync(api.CreateClient);
        var queue = await moderator.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests?limit=100", Json.Options);
        Assert.Contains(queue!.Items, r => r.Id == mine.Id && r.Email == request.Email);
        using var approved = await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: true, "Welcome, glad to have you.");
        var decided = await ThreadsApi.ExpectAsync<JoinRequestView>(approved, HttpStatusCode.OK);
        Assert.Equal(JoinRequestStatus.Approved, decided.Status);

        // The role reaches the next token: a refresh, as the Web does, is enough.
        using var refreshed = await Tokens.RequestRefreshAsync(api.CreateClient(), applicant.Token.RefreshToken!);
        var token = await ThreadsApi.ExpectAsync<TokenResponse>(refreshed, HttpStatusCode.OK);
        applicant.Client.Authorize(token.AccessToken);

        Assert.Equal("Welcome, glad to have you.", (await JoiningApi.MineAsync(applicant.Client)).DecisionMessage);
        await ThreadsApi.ExpectAsync(await applicant.Client.GetAsync("/api/v1/threads"), HttpStatusCode.OK);
        await ThreadsApi.ExpectAsync(await ThreadsApi.SendReplyAsync(applicant.Client, thread.Id, "Hello at last"), HttpStatusCode.Created);
        await EventsApi.RegisterAsync(applicant.Client, gathering.Id);
        await ThreadsApi.ExpectAsync(await applicant.Client.GetAsync($"/api/v1/papers/{membersOnly.Id}"), HttpStatusCode.OK);
        Assert.Equal(["member"], (await applicant.Client.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options))!.Roles);

        // Named an organisation here: the claim to belong waits for its admins.
        var claims = await OrganisationsApi.GetAsync(funder.Client, organisation.Slug);
        Assert.Contains(claims.PendingClaims, c => c.Id == applicant.Id);
    }

    [Fact]
    public async Task A_declined_applicant_reads_why_and_stays_outside()
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        using var moderator = await Community.AdminAsync(api.CreateClient);
        var mine = await JoiningApi.MineAsync(applicant.Client);

        using var noReason = await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: false, "  ");
        var problem = await ThreadsApi.ExpectAsync<ValidationProblemDetails>(noReason, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("message"));

        using var declined = await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: false, "We only take people working in London.");
        await ThreadsApi.ExpectAsync(declined, HttpStatusCode.OK);

        var seen = await JoiningApi.MineAsync(applicant.Client);
        Assert.Equal(JoinRequestStatus.Declined, seen.Status);
        Assert.Equal("We only take people working in London.", seen.DecisionMessage);
        var again = await JoiningApi.SignInAgainAsync(applicant, api.CreateClient);
        await ThreadsApi.ExpectAsync(await again.Client.GetAsync("/api/v1/threads"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deciding_twice_is_a_conflict_and_an_unknown_request_is_not_found()
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        using var moderator = await Community.AdminAsync(api.CreateClient);
        var mine = await JoiningApi.MineAsync(applicant.Client);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: true, null), HttpStatusCode.OK);

        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: true, null), HttpStatusCode.Conflict);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(moderator, mine.Id, approve: false, "No."), HttpStatusCode.Conflict);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(moderator, Guid.NewGuid(), approve: true, null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_moderator_who_is_not_an_admin_decides_and_pages_through_the_queue()
    {
        var moderator = await JoiningApi.MemberAsync(api.CreateClient, "Mo Moderator", "moderator");
        var applicants = new List<TestMember>();
        for (var i = 0; i < 3; i++)
        {
            applicants.Add(await JoiningApi.ApplicantAsync(api.CreateClient));
        }

        var first = await moderator.Client.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests?limit=1", Json.Options);
        Assert.Single(first!.Items);
        Assert.True(first.HasMore);
        var second = await moderator.Client.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests?limit=1&page=2", Json.Options);
        Assert.NotEqual(first.Items[0].Id, second!.Items[0].Id);

        var mine = await JoiningApi.MineAsync(applicants[0].Client);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(moderator.Client, mine.Id, approve: true, null), HttpStatusCode.OK);
        var decided = await moderator.Client.GetFromJsonAsync<JoinRequestPage>("/api/v1/join-requests?status=Approved&limit=100", Json.Options);
        Assert.Contains(decided!.Items, r => r.Id == mine.Id);
        await ThreadsApi.ExpectAsync(await moderator.Client.GetAsync("/api/v1/join-requests?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_join_request_endpoint_refuses_visitors_applicants_and_members_who_do_not_moderate()
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        var member = await JoiningApi.MemberAsync(api.CreateClient);
        var anonymous = api.CreateClient();
        var id = (await JoiningApi.MineAsync(applicant.Client)).Id;

        await ThreadsApi.ExpectAsync(await anonymous.GetAsync("/api/v1/join-requests/mine"), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await anonymous.GetAsync("/api/v1/join-requests"), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(anonymous, id, true, null), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(anonymous, id, false, "No."), HttpStatusCode.Unauthorized);
        foreach (var client in new[] { applicant.Client, member.Client })
        {
            await ThreadsApi.ExpectAsync(await client.GetAsync("/api/v1/join-requests"), HttpStatusCode.Forbidden);
            await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(client, id, true, null), HttpStatusCode.Forbidden);
            await ThreadsApi.ExpectAsync(await JoiningApi.SendDecisionAsync(client, id, false, "No."), HttpStatusCode.Forbidden);
        }

        await ThreadsApi.ExpectAsync(await member.Client.GetAsync("/api/v1/join-requests/mine"), HttpStatusCode.NotFound);
        Assert.Equal(JoinRequestStatus.Pending, (await JoiningApi.MineAsync(applicant.Client)).Status);
    }

    [Fact]
    public async Task A_join_request_needs_places_and_why_and_names_only_what_exists()
    {
        var anonymous = api.CreateClient();
        var southwark = (await OrganisationsApi.PlacesAsync(anonymous, "Southwark"))[0];

        using var empty = await JoiningApi.SendRegisterAsync(anonymous, JoiningApi.Request([], why: " "));
        var emptyProblem = await ThreadsApi.ExpectAsync<ValidationProblemDetails>(empty, HttpStatusCode.BadRequest);
        Assert.Equal(["placeIds", "why"], emptyProblem.Errors.Keys.Order());

        using var unknown = await JoiningApi.SendRegisterAsync(anonymous, JoiningApi.Request([southwark.Id, Guid.NewGuid()], organisationId: Guid.NewGuid()));
        var unknownProblem = await ThreadsApi.ExpectAsync<ValidationProblemDetails>(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(["organisationId", "placeIds"], unknownProblem.Errors.Keys.Order());

        using var both = await JoiningApi.SendRegisterAsync(anonymous,
            JoiningApi.Request([southwark.Id], organisationId: Guid.NewGuid(), proposedOrganisationName: "Peckham Pantry"));
        var bothProblem = await ThreadsApi.ExpectAsync<ValidationProblemDetails>(both, HttpStatusCode.BadRequest);
        Assert.True(bothProblem.Errors.ContainsKey("proposedOrganisationName"));

        var request = JoiningApi.Request([southwark.Id], proposedOrganisationName: "Peckham Pantry");
        var proposer = await JoiningApi.RegisterAsync(api.CreateClient, request);
        Assert.Equal("Peckham Pantry", (await JoiningApi.MineAsync(proposer.Client)).ProposedOrganisationName);

        // Nothing half-made: the refused requests left no account behind.
        using var signIn = await Tokens.RequestPasswordGrantAsync(anonymous, JoiningApi.Request(null).Email, Community.Password);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task An_applicant_may_not_subscribe_to_live_streams()
    {
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(applicant.Token.AccessToken);
            })
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
