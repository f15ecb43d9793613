using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Places;

public static class PlaceEndpoints
{
    public static void MapPlaceEndpoints(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/places").WithTags("Places");

        places.MapGet("/", async Task<Ok<IReadOnlyList<PlaceDto>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPlaces.Query(), cancellationToken)))
            .AllowAnonymous()
            .WithSummary("The UK places people can say they work in");

        places.MapPost("/", async Task<Created<PlaceDto>> (AddPlace.Command command, ISender sender, CancellationToken cancellationToken) =>
            {
                var place = await sender.Send(command, cancellationToken);
                return TypedResults.Created((string?)null, place);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Add a place (admin)")
            .ProducesValidationProblem();
    }
}
