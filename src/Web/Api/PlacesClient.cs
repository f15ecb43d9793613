using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.Extensions;

namespace CommunityOfPractice.Web.Api;

/// <summary>The place pages' calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<IReadOnlyList<PlaceSummary>>> ListPlacesAsync(string? q, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(q) ? QueryString.Empty : QueryString.Create("q", q.Trim());
        return SendAsync<IReadOnlyList<PlaceSummary>>(HttpMethod.Get, $"api/v1/places{query}", null, cancellationToken);
    }

    public Task<ApiResult<PlaceDetail>> GetPlaceAsync(string slug, string? stage, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrEmpty(stage) ? QueryString.Empty : QueryString.Create("stage", stage);
        return SendAsync<PlaceDetail>(HttpMethod.Get, $"api/v1/places/{Uri.EscapeDataString(slug)}{query}", null, cancellationToken);
    }
}
