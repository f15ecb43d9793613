using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Testing;

/// <summary>The organisations Api as a member's client uses it; failures name the status and the body.</summary>
public static class OrganisationsApi
{
    public static async Task<IReadOnlyList<PlaceView>> PlacesAsync(HttpClient client, params string[] names)
    {
        var places = await client.GetFromJsonAsync<PlaceView[]>("/api/v1/places", Json.Options);
        return [.. names.Select(name => places!.First(p => p.Name == name))];
    }

    public static OrganisationProfileRequest Profile(
        string? name = null, OrganisationKind kind = OrganisationKind.Charity, IReadOnlyList<Guid>? placeIds = null, string? description = "We work **here**.") =>
        new(name ?? $"Peckham Pantry {Guid.NewGuid().ToString()[..8]}", kind, "https://example.org", description, placeIds);

    public static async Task<OrganisationDetail> ProposeAsync(HttpClient client, OrganisationProfileRequest? profile = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/organisations/proposals", profile ?? Profile(), Json.Options);
        return await ThreadsApi.ExpectAsync<OrganisationDetail>(response, HttpStatusCode.Created);
    }

    public static async Task<OrganisationDetail> GetAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync($"/api/v1/organisations/{slug}");
        return await ThreadsApi.ExpectAsync<OrganisationDetail>(response, HttpStatusCode.OK);
    }

    /// <summary>The member claims to belong and the org admin approves: an approved member.</summary>
    public static async Task JoinAsync(HttpClient orgAdmin, TestMember member, Guid organisationId)
    {
        using var claimed = await member.Client.PutAsync($"/api/v1/organisations/{organisationId}/members/me", null);
        await ThreadsApi.ExpectAsync(claimed, HttpStatusCode.OK);
        using var decided = await orgAdmin.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/members/{member.Id}/decision", new DecideMembershipRequest(true));
        await ThreadsApi.ExpectAsync(decided, HttpStatusCode.OK);
    }

    public static RecordAssessmentRequest Assessment(
        Guid placeId,
        Guid agreedById,
        FrameworkStage stage = FrameworkStage.Connection,
        DateOnly? assessedOn = null,
        AssessmentVisibility visibility = AssessmentVisibility.Community,
        IReadOnlyList<Guid>? funderIds = null,
        IReadOnlyList<EvidenceRequest>? evidence = null,
        IReadOnlyList<StatementAnswerRequest>? answers = null,
        Guid? correctsId = null) =>
        new(placeId, stage, assessedOn ?? new DateOnly(2025, 6, 1), "We share **space** with others.", visibility, funderIds, evidence, [agreedById], answers, correctsId);

    public static Task<HttpResponseMessage> SendAssessmentAsync(HttpClient client, Guid organisationId, RecordAssessmentRequest assessment) =>
        client.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/assessments", assessment, Json.Options);

    public static async Task<AssessmentView> RecordAsync(HttpClient client, Guid organisationId, RecordAssessmentRequest assessment)
    {
        using var response = await SendAssessmentAsync(client, organisationId, assessment);
        return await ThreadsApi.ExpectAsync<AssessmentView>(response, HttpStatusCode.Created);
    }
}
