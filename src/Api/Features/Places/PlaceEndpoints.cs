using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Places;

public static class PlaceEndpoints
{
    public static void MapPlaceEndpoints(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/places").WithTags("Places");

        places.MapGet("/", async Task<Ok<IReadOnlyList<PlaceSummary>>> (string? q, bool? activity, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPlaces.Query(caller, q, activity ?? true), cancellationToken)))
            .AllowAnonymous()
            .WithName(nameof(ListPlaces))
            .WithSummary("The UK places people can say they work in, with their activity (activity=false leaves it out, for pickers); filter by name with q")
            .ProducesValidationProblem();

        places.MapGet("/{slug}", async Task<Ok<PlaceDetail>> (string slug, string? stage, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPlace.Query(caller, slug, stage), cancellationToken)))
            .AllowAnonymous()
            .WithName(nameof(GetPlace))
            .WithSummary("A place's page: its threads, events, papers, organisations at their stages and listed members; narrow by stage")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

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
