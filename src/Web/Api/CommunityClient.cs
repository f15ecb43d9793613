using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Api;

/// <summary>The account, profile, people, places and organisations calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<Registered>> RegisterAsync(RegisterMemberRequest request, CancellationToken cancellationToken) =>
        SendAsync<Registered>(HttpMethod.Post, "api/v1/account/register", request, cancellationToken);

    public Task<ApiResult<MyProfile>> GetMyProfileAsync(CancellationToken cancellationToken) =>
        SendAsync<MyProfile>(HttpMethod.Get, "api/v1/me", null, cancellationToken);

    public Task<ApiResult<MyProfile>> UpdateMyProfileAsync(UpdateProfileRequest request, CancellationToken cancellationToken) =>
        SendAsync<MyProfile>(HttpMethod.Put, "api/v1/me", request, cancellationToken);

    public Task<ApiResult<NoContent>> ChangeMyEmailAsync(ChangeEmailRequest request, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, "api/v1/me/email", request, cancellationToken);

    /// <summary>Signing out: the Api ends this session's tokens and its own sign-in cookie.</summary>
    public Task<ApiResult<NoContent>> EndMySessionAsync(CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, "api/v1/me/session", null, cancellationToken);

    public Task<ApiResult<MemberProfile>> FindMemberByHandleAsync(string handle, CancellationToken cancellationToken) =>
        SendAsync<MemberProfile>(HttpMethod.Get, $"api/v1/people?handle={Uri.EscapeDataString(handle)}", null, cancellationToken);

    public Task<ApiResult<MemberProfile>> GetMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        SendAsync<MemberProfile>(HttpMethod.Get, $"api/v1/people/{memberId}", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<PlaceView>>> GetPlacesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<PlaceView>>(HttpMethod.Get, "api/v1/places?activity=false", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<OrganisationView>>> GetOrganisationsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<OrganisationView>>(HttpMethod.Get, "api/v1/organisations", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<StageView>>> GetStagesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<StageView>>(HttpMethod.Get, "api/v1/stages", null, cancellationToken);

    public Task<ApiResult<PeoplePage>> GetPeopleAsync(string? search, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["search"] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            ["after"] = string.IsNullOrEmpty(after) ? null : after,
            ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        return SendAsync<PeoplePage>(HttpMethod.Get, $"api/v1/admin/people{query}", null, cancellationToken);
    }

    public Task<ApiResult<NoContent>> GrantRoleAsync(Guid personId, string role, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Put, RolePath(personId, role), null, cancellationToken);

    public Task<ApiResult<NoContent>> RevokeRoleAsync(Guid personId, string role, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, RolePath(personId, role), null, cancellationToken);

    public Task<ApiResult<NoContent>> SuspendAsync(Guid personId, string reason, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/admin/people/{personId}/suspension", new SuspendRequest(reason), cancellationToken);

    public Task<ApiResult<NoContent>> ReinstateAsync(Guid personId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, $"api/v1/admin/people/{personId}/suspension", null, cancellationToken);

    private static string RolePath(Guid personId, string role) =>
        $"api/v1/admin/people/{personId}/roles/{Uri.EscapeDataString(role)}";
}
