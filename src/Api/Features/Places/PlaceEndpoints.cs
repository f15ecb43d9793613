using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Places;

public static class PlaceEndpoints
{
    public static void MapPlaceEndpoints(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/places").WithTags("Places");

        places.MapGet("/", async Task<Ok<IReadOnlyList<PlaceView>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPlaces.Query(), cancellationToken)))
            .AllowAnonymous()
            .WithName(nameof(ListPlaces))
            .WithSummary("The UK places people can say they work in");

        places.MapPost("/", async Task<Created<PlaceView>> (AddPlaceRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                var place = await sender.Send(new AddPlace.Command(body.Name, body.Kind), cancellationToken);
                return TypedResults.Created((string?)null, place);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(AddPlace))
            .WithSummary("Add a place (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
