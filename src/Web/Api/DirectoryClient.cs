using System.Globalization;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Tags;

namespace CommunityOfPractice.Web.Api;

/// <summary>The directory, tag pages, place proposals and the admin's statements: their calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<DirectoryMembersPage>> ListDirectoryPeopleAsync(
        string? place, string? stage, string? kind, string? organisation, string? q, string? after, int limit, CancellationToken cancellationToken) =>
        SendAsync<DirectoryMembersPage>(HttpMethod.Get, "api/v1/directory/people" + Query(
            ("place", place), ("stage", stage), ("kind", kind), ("organisation", organisation), ("q", q), ("after", after),
            ("limit", limit.ToString(CultureInfo.InvariantCulture))), null, cancellationToken);

    public Task<ApiResult<DirectoryOrganisationsPage>> ListDirectoryOrganisationsAsync(
        string? place, string? stage, string? kind, bool? verified, string? q, string? after, int limit, CancellationToken cancellationToken) =>
        SendAsync<DirectoryOrganisationsPage>(HttpMethod.Get, "api/v1/directory/organisations" + Query(
            ("place", place), ("stage", stage), ("kind", kind), ("verified", verified?.ToString().ToLowerInvariant()), ("q", q), ("after", after),
            ("limit", limit.ToString(CultureInfo.InvariantCulture))), null, cancellationToken);

    public Task<ApiResult<TagPage>> GetTagAsync(string tag, CancellationToken cancellationToken) =>
        SendAsync<TagPage>(HttpMethod.Get, $"api/v1/tags/{Uri.EscapeDataString(tag)}", null, cancellationToken);

    /// <summary>The approved places with their parents, without activity counts: for the admin's list and parent picker.</summary>
    public Task<ApiResult<IReadOnlyList<PlaceSummary>>> ListPlaceTreeAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<PlaceSummary>>(HttpMethod.Get, "api/v1/places?activity=false", null, cancellationToken);

    public Task<ApiResult<PlaceView>> AddPlaceAsync(AddPlaceRequest request, CancellationToken cancellationToken) =>
        SendAsync<PlaceView>(HttpMethod.Post, "api/v1/places", request, cancellationToken);

    public Task<ApiResult<PlaceProposal>> ProposePlaceAsync(ProposePlaceRequest request, CancellationToken cancellationToken) =>
        SendAsync<PlaceProposal>(HttpMethod.Post, "api/v1/places/proposals", request, cancellationToken);

    public Task<ApiResult<IReadOnlyList<PlaceProposal>>> ListPlaceProposalsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<PlaceProposal>>(HttpMethod.Get, "api/v1/places/proposals", null, cancellationToken);

    public Task<ApiResult<NoContent>> ApprovePlaceAsync(Guid placeId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/places/{placeId}/approval", null, cancellationToken);

    public Task<ApiResult<NoContent>> RejectPlaceAsync(Guid placeId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, $"api/v1/places/proposals/{placeId}", null, cancellationToken);

    public Task<ApiResult<NoContent>> VerifyOrganisationAsync(Guid organisationId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/organisations/{organisationId}/verify", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<ManagedStatement>>> ListManagedStatementsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<ManagedStatement>>(HttpMethod.Get, "api/v1/admin/statements", null, cancellationToken);

    public Task<ApiResult<ManagedStatement>> AddStatementAsync(StatementRequest request, CancellationToken cancellationToken) =>
        SendAsync<ManagedStatement>(HttpMethod.Post, "api/v1/admin/statements", request, cancellationToken);

    public Task<ApiResult<ManagedStatement>> EditStatementAsync(Guid statementId, StatementRequest request, CancellationToken cancellationToken) =>
        SendAsync<ManagedStatement>(HttpMethod.Put, $"api/v1/admin/statements/{statementId}", request, cancellationToken);

    public Task<ApiResult<IReadOnlyList<ManagedStatement>>> MoveStatementAsync(Guid statementId, MoveDirection direction, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<ManagedStatement>>(HttpMethod.Post, $"api/v1/admin/statements/{statementId}/move", new MoveStatementRequest(direction), cancellationToken);

    public Task<ApiResult<NoContent>> RetireStatementAsync(Guid statementId, bool retire, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(retire ? HttpMethod.Put : HttpMethod.Delete, $"api/v1/admin/statements/{statementId}/retirement", null, cancellationToken);

    private static string Query(params (string Name, string? Value)[] parameters) =>
        QueryString.Create(parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Name, (string?)p.Value!.Trim())))
            .ToString();
}
