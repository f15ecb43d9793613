using CommunityOfPractice.Contracts.Community;
using FrameworkStage = CommunityOfPractice.Domain.Community.FrameworkStage;
using FrameworkStages = CommunityOfPractice.Domain.Community.FrameworkStages;

namespace CommunityOfPractice.Web.Pages;

/// <summary>
/// What the directory pages' filter forms are drawn from: the approved places (by name), the
/// five stages in order and the organisation kinds. The filters themselves live in the URL, so
/// a filtered directory can be bookmarked and shared.
/// </summary>
public static class DirectoryFilters
{
    public const int PageSize = 25;

    public static IReadOnlyList<FrameworkStage> Stages => FrameworkStages.InOrder;

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static async Task<(IReadOnlyList<PlaceView> Places, ApiProblem? Problem)> PlacesAsync(ApiClient api, CancellationToken cancellationToken)
    {
        var places = await api.GetPlacesAsync(cancellationToken);
        return places.Succeeded ? ([.. places.Value.OrderBy(p => p.Name)], null) : ([], places.Problem);
    }
}
