namespace CommunityOfPractice.Api.Features.Places;

public static class PlacesSetup
{
    /// <summary>Who may read "place:{id}" streams.</summary>
    public static void AddPlaces(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IStreamPolicy, PlaceStreamPolicy>();
}
