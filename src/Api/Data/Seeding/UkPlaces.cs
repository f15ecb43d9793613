using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// The starting list of places: the four nations, every London borough, the English combined
/// authorities and the cities most often named in the community's work. Admins add more.
/// </summary>
internal static class UkPlaces
{
    private static readonly string[] _nations = ["England", "Scotland", "Wales", "Northern Ireland"];

    private static readonly string[] _londonBoroughs =
    [
        "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London",
        "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey",
        "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea",
        "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
        "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth",
        "Westminster",
    ];

    private static readonly string[] _combinedAuthorities =
    [
        "Greater London Authority", "Greater Manchester", "West Midlands", "West Yorkshire",
        "South Yorkshire", "Liverpool City Region", "North East", "Tees Valley", "West of England",
        "Cambridgeshire and Peterborough", "East Midlands", "York and North Yorkshire",
        "Greater Lincolnshire", "Hull and East Yorkshire",
    ];

    private static readonly string[] _localAuthorities =
    [
        "Birmingham", "Bradford", "Brighton and Hove", "Bristol", "Cardiff", "Cornwall", "Coventry",
        "Edinburgh", "Glasgow", "Leeds", "Leicester", "Liverpool", "Manchester", "Newcastle upon Tyne",
        "Nottingham", "Oldham", "Plymouth", "Sheffield", "Stoke-on-Trent", "Wigan",
    ];

    public static IEnumerable<(string Name, PlaceKind Kind)> All =>
        _nations.Select(n => (n, PlaceKind.Nation))
            .Concat(_londonBoroughs.Select(n => (n, PlaceKind.LondonBorough)))
            .Concat(_combinedAuthorities.Select(n => (n, PlaceKind.CombinedAuthority)))
            .Concat(_localAuthorities.Select(n => (n, PlaceKind.LocalAuthority)));
}
