using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Tests.Places;

[Collection(ApiCollection.Name)]
public sealed class PlaceProposalTests(ApiFactory api)
{
    [Fact]
    public async Task A_proposed_place_is_seen_by_its_proposer_and_admins_and_offered_to_everyone_once_approved()
    {
        var proposer = await Community.JoinAsync(api.CreateClient, "Place Proposer");
        var other = await Community.JoinAsync(api.CreateClient, "Other Member");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var borough = await DirectoryApi.AddPlaceAsync(admin, "Proposal Borough", kind: Domain.Community.PlaceKind.LocalAuthority);

        var proposal = await DirectoryApi.ProposePlaceAsync(proposer.Client, "North Peckham", borough.Id);

        Assert.False(proposal.IsApproved);
        Assert.Equal(borough.Id, proposal.Parent?.Id);
        Assert.Equal(proposer.Id, proposal.ProposedBy?.Id);
        Assert.DoesNotContain(await PlacesAsync(other.Client), p => p.Id == proposal.Id);
        Assert.Contains(await ProposalsAsync(proposer.Client), p => p.Id == proposal.Id);
        Assert.DoesNotContain(await ProposalsAsync(other.Client), p => p.Id == proposal.Id);
        Assert.Contains(await ProposalsAsync(admin), p => p.Id == proposal.Id);
        using var hidden = await other.Client.GetAsync($"/api/v1/places/{proposal.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        using var approved = await admin.PostAsync($"/api/v1/places/{proposal.Id}/approval", null);

        Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        var listed = Assert.Single(await PlacesAsync(other.Client), p => p.Id == proposal.Id);
        Assert.Equal(borough.Id, listed.ParentId);
        Assert.DoesNotContain(await ProposalsAsync(admin), p => p.Id == proposal.Id);
        var boroughPage = await other.Client.GetFromJsonAsync<PlaceDetail>($"/api/v1/places/{borough.Slug}", Json.Options);
        Assert.Contains(boroughPage!.Children, c => c.Id == proposal.Id);
    }

    [Fact]
    public async Task Only_the_proposer_may_put_a_pending_place_on_their_profile()
    {
        var proposer = await Community.JoinAsync(api.CreateClient, "Place Proposer");
        var other = await Community.JoinAsync(api.CreateClient, "Other Member");
        var proposal = await DirectoryApi.ProposePlaceAsync(proposer.Client, "Camberwell Green");

        using var own = await proposer.Client.PutAsJsonAsync("/api/v1/me", new UpdateProfileRequest(proposer.DisplayName, null, null, [proposal.Id]), Json.Options);
        using var others = await other.Client.PutAsJsonAsync("/api/v1/me", new UpdateProfileRequest(other.DisplayName, null, null, [proposal.Id]), Json.Options);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("placeIds", (await RegisterMemberTests.AssertValidationProblem(others)).Errors.Keys);
    }

    [Fact]
    public async Task An_admin_turns_a_proposal_down_and_its_name_is_free_again_but_an_approved_place_stays()
    {
        var proposer = await Community.JoinAsync(api.CreateClient, "Place Proposer");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var proposal = await DirectoryApi.ProposePlaceAsync(proposer.Client, "Nunhead");

        using var rejected = await admin.DeleteAsync($"/api/v1/places/proposals/{proposal.Id}");
        using var again = await admin.DeleteAsync($"/api/v1/places/proposals/{proposal.Id}");
        using var reproposed = await proposer.Client.PostAsJsonAsync("/api/v1/places/proposals", new ProposePlaceRequest(proposal.Name, proposal.Kind, null), Json.Options);
        var southwark = (await OrganisationsApi.PlacesAsync(proposer.Client, "Southwark"))[0];
        using var approvedPlace = await admin.DeleteAsync($"/api/v1/places/proposals/{southwark.Id}");

        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.DoesNotContain(await ProposalsAsync(proposer.Client), p => p.Id == proposal.Id);
        Assert.Equal(HttpStatusCode.Created, reproposed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approvedPlace.StatusCode);
    }

    [Fact]
    public async Task Proposing_needs_a_name_a_kind_a_known_parent_and_a_new_name()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var noName = await member.Client.PostAsJsonAsync("/api/v1/places/proposals", new { name = "", kind = "Neighbourhood" });
        using var badKind = await member.Client.PostAsJsonAsync("/api/v1/places/proposals", new { name = "Somewhere", kind = "Planet" });
        using var badParent = await member.Client.PostAsJsonAsync("/api/v1/places/proposals", new { name = $"Elsewhere {Guid.NewGuid():N}"[..20], kind = "Neighbourhood", parentId = Guid.NewGuid() });
        using var taken = await member.Client.PostAsJsonAsync("/api/v1/places/proposals", new { name = "southwark", kind = "LondonBorough" });

        Assert.Contains("name", (await RegisterMemberTests.AssertValidationProblem(noName)).Errors.Keys);
        Assert.Contains("kind", (await RegisterMemberTests.AssertValidationProblem(badKind)).Errors.Keys);
        Assert.Contains("parentId", (await RegisterMemberTests.AssertValidationProblem(badParent)).Errors.Keys);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    [Fact]
    public async Task A_pending_place_cannot_be_a_parent()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var pending = await DirectoryApi.ProposePlaceAsync(member.Client, "Pending Parent");

        using var response = await member.Client.PostAsJsonAsync("/api/v1/places/proposals",
            new ProposePlaceRequest($"Child {Guid.NewGuid():N}"[..20], Domain.Community.PlaceKind.Neighbourhood, pending.Id), Json.Options);

        Assert.Contains("parentId", (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    [Fact]
    public async Task An_admin_adds_a_place_inside_another_and_an_unknown_parent_is_a_field_error()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var borough = await DirectoryApi.AddPlaceAsync(admin, "Added Borough", kind: Domain.Community.PlaceKind.LocalAuthority);

        var added = await DirectoryApi.AddPlaceAsync(admin, "Dalston", borough.Id);
        using var unknown = await admin.PostAsJsonAsync("/api/v1/places", new AddPlaceRequest($"Nowhere {Guid.NewGuid():N}"[..20], Domain.Community.PlaceKind.Neighbourhood, Guid.NewGuid()), Json.Options);

        Assert.Equal(borough.Id, Assert.Single(await PlacesAsync(admin), p => p.Id == added.Id).ParentId);
        Assert.Contains("parentId", (await RegisterMemberTests.AssertValidationProblem(unknown)).Errors.Keys);
    }

    [Fact]
    public async Task Proposals_need_a_member_and_deciding_needs_an_admin()
    {
        var anonymous = api.CreateClient();
        var member = await Community.JoinAsync(api.CreateClient);
        var proposal = await DirectoryApi.ProposePlaceAsync(member.Client, "Peckham Rye");

        using var anonymousProposes = await anonymous.PostAsJsonAsync("/api/v1/places/proposals", new ProposePlaceRequest("Anywhere", Domain.Community.PlaceKind.Neighbourhood, null), Json.Options);
        using var anonymousLists = await anonymous.GetAsync("/api/v1/places/proposals");
        using var anonymousApproves = await anonymous.PostAsync($"/api/v1/places/{proposal.Id}/approval", null);
        using var memberApproves = await member.Client.PostAsync($"/api/v1/places/{proposal.Id}/approval", null);
        using var memberRejects = await member.Client.DeleteAsync($"/api/v1/places/proposals/{proposal.Id}");
        using var memberAdds = await member.Client.PostAsJsonAsync("/api/v1/places", new AddPlaceRequest("Anywhere", Domain.Community.PlaceKind.Neighbourhood), Json.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousProposes.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousLists.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberRejects.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberAdds.StatusCode);
        Assert.Contains(await ProposalsAsync(member.Client), p => p.Id == proposal.Id);
    }

    [Fact]
    public async Task Approving_an_unknown_place_is_404()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var response = await admin.PostAsync($"/api/v1/places/{Guid.NewGuid()}/approval", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<PlaceSummary[]> PlacesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<PlaceSummary[]>("/api/v1/places?activity=false", Json.Options))!;

    private static async Task<PlaceProposal[]> ProposalsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<PlaceProposal[]>("/api/v1/places/proposals", Json.Options))!;
}
