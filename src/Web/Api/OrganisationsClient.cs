using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Api;

/// <summary>The organisation pages' calls of the one Api client: the page, its profile, claims, and the guided self-assessment.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<OrganisationDetail>> GetOrganisationAsync(string slugOrId, CancellationToken cancellationToken) =>
        SendAsync<OrganisationDetail>(HttpMethod.Get, $"api/v1/organisations/{Uri.EscapeDataString(slugOrId)}", null, cancellationToken);

    public Task<ApiResult<OrganisationDetail>> ProposeOrganisationAsync(OrganisationProfileRequest request, CancellationToken cancellationToken) =>
        SendAsync<OrganisationDetail>(HttpMethod.Post, "api/v1/organisations/proposals", request, cancellationToken);

    public Task<ApiResult<OrganisationDetail>> EditOrganisationAsync(Guid organisationId, OrganisationProfileRequest request, CancellationToken cancellationToken) =>
        SendAsync<OrganisationDetail>(HttpMethod.Put, $"api/v1/organisations/{organisationId}", request, cancellationToken);

    public Task<ApiResult<MembershipView>> ClaimMembershipAsync(Guid organisationId, CancellationToken cancellationToken) =>
        SendAsync<MembershipView>(HttpMethod.Put, $"api/v1/organisations/{organisationId}/members/me", null, cancellationToken);

    public Task<ApiResult<MembershipView>> DecideMembershipAsync(Guid organisationId, Guid memberId, bool approve, CancellationToken cancellationToken) =>
        SendAsync<MembershipView>(HttpMethod.Post, $"api/v1/organisations/{organisationId}/members/{memberId}/decision",
            new DecideMembershipRequest(approve), cancellationToken);

    public Task<ApiResult<IReadOnlyList<StatementView>>> GetStatementsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<StatementView>>(HttpMethod.Get, "api/v1/stages/statements", null, cancellationToken);

    public Task<ApiResult<StageSuggestionView>> SuggestStageAsync(Guid organisationId, SuggestStageRequest request, CancellationToken cancellationToken) =>
        SendAsync<StageSuggestionView>(HttpMethod.Post, $"api/v1/organisations/{organisationId}/assessments/suggestion", request, cancellationToken);

    public Task<ApiResult<AssessmentView>> RecordAssessmentAsync(Guid organisationId, RecordAssessmentRequest request, CancellationToken cancellationToken) =>
        SendAsync<AssessmentView>(HttpMethod.Post, $"api/v1/organisations/{organisationId}/assessments", request, cancellationToken);
}
