using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
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
            .RequireRateLimiting(RateLimitPolicies.Search)
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
                var place = await sender.Send(new AddPlace.Command(body.Name, body.Kind, body.ParentId), cancellationToken);
                return TypedResults.Created((string?)null, place);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(AddPlace))
            .WithSummary("Add a place, inside another when parentId is given (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        places.MapPost("/proposals", async Task<Created<PlaceProposal>> (
                ProposePlaceRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var proposal = await sender.Send(new ProposePlace.Command(caller, body.Name, body.Kind, body.ParentId), cancellationToken);
                return TypedResults.Created((string?)null, proposal);
            })
            .RequireAuthorization()
            .WithName(nameof(ProposePlace))
            .WithSummary("Propose a place the list is missing: seen by you and the admins until an admin approves it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        places.MapGet("/proposals", async Task<Ok<IReadOnlyList<PlaceProposal>>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPlaceProposals.Query(caller), cancellationToken)))
            .RequireAuthorization()
            .WithName(nameof(ListPlaceProposals))
            .WithSummary("Places waiting for approval: all of them for an admin, your own for a member");

        places.MapPost("/{placeId:guid}/approval", async Task<NoContent> (Guid placeId, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new ApprovePlace.Command(placeId), cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(ApprovePlace))
            .WithSummary("Approve a proposed place, offering it to everyone (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        places.MapDelete("/proposals/{placeId:guid}", async Task<NoContent> (Guid placeId, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new RejectPlace.Command(placeId), cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(RejectPlace))
            .WithSummary("Turn a proposed place down, removing the proposal (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
