using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Api;

/// <summary>The joining calls of the one Api client: rules, join requests, moderators' decisions, invitations.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<JoiningRules>> GetJoiningRulesAsync(CancellationToken cancellationToken) =>
        SendAsync<JoiningRules>(HttpMethod.Get, "api/v1/account/joining", null, cancellationToken);

    public Task<ApiResult<InvitationCheck>> CheckInvitationAsync(string token, CancellationToken cancellationToken) =>
        SendAsync<InvitationCheck>(HttpMethod.Get, $"api/v1/account/invitations/{Uri.EscapeDataString(token)}", null, cancellationToken);

    public Task<ApiResult<JoinRequestView>> GetMyJoinRequestAsync(CancellationToken cancellationToken) =>
        SendAsync<JoinRequestView>(HttpMethod.Get, "api/v1/join-requests/mine", null, cancellationToken);

    public Task<ApiResult<JoinRequestPage>> ListJoinRequestsAsync(int page, int limit, CancellationToken cancellationToken) =>
        SendAsync<JoinRequestPage>(HttpMethod.Get, $"api/v1/join-requests?page={page}&limit={limit}", null, cancellationToken);

    public Task<ApiResult<JoinRequestView>> DecideJoinRequestAsync(Guid requestId, bool approve, string? message, CancellationToken cancellationToken) =>
        SendAsync<JoinRequestView>(HttpMethod.Post, $"api/v1/join-requests/{requestId}/{(approve ? "approve" : "decline")}",
            new DecideJoinRequestRequest(message), cancellationToken);

    public Task<ApiResult<CreatedInvitation>> CreateInvitationAsync(CreateInvitationRequest request, CancellationToken cancellationToken) =>
        SendAsync<CreatedInvitation>(HttpMethod.Post, "api/v1/invitations", request, cancellationToken);

    public Task<ApiResult<IReadOnlyList<InvitationView>>> ListInvitationsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<InvitationView>>(HttpMethod.Get, "api/v1/invitations", null, cancellationToken);

    public Task<ApiResult<NoContent>> RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, $"api/v1/invitations/{invitationId}", null, cancellationToken);
}
