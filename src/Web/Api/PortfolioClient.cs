using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Web.Api;

/// <summary>Following and the portfolio: the calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<NoContent>> FollowAsync(FollowTarget kind, Guid id, bool follow, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(follow ? HttpMethod.Put : HttpMethod.Delete,
            $"api/v1/{(kind == FollowTarget.Place ? "places" : "organisations")}/{id}/follow", null, cancellationToken);

    public Task<ApiResult<FollowsView>> ListFollowsAsync(CancellationToken cancellationToken) =>
        SendAsync<FollowsView>(HttpMethod.Get, "api/v1/me/follows", null, cancellationToken);

    public Task<ApiResult<PortfolioView>> GetPortfolioAsync(CancellationToken cancellationToken) =>
        SendAsync<PortfolioView>(HttpMethod.Get, "api/v1/portfolio", null, cancellationToken);
}
