using PlaceKind = CommunityOfPractice.Domain.Community.PlaceKind;

namespace CommunityOfPractice.Web.Pages;

/// <summary>Place kinds as people read them.</summary>
public static class PlaceKindNames
{
    public static IReadOnlyList<PlaceKind> All { get; } = Enum.GetValues<PlaceKind>();

    public static string Display(PlaceKind kind) => kind switch
    {
        PlaceKind.LondonBorough => "London borough",
        PlaceKind.CombinedAuthority => "Combined authority",
        PlaceKind.LocalAuthority => "Local authority",
        _ => kind.ToString(),
    };
}
