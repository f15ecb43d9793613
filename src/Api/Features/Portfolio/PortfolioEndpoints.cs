using CommunityOfPractice.Contracts.Portfolio;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>Following places and organisations, and the portfolio made of them: members only.</summary>
public static class PortfolioEndpoints
{
    public static void MapPortfolioEndpoints(this RouteGroupBuilder api)
    {
        var portfolio = api.MapGroup(string.Empty).WithTags("Portfolio").RequireAuthorization();

        portfolio.MapPut("/places/{placeId:guid}/follow", (Guid placeId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowPlace.Command(caller, placeId, Follow: true), cancellationToken)))
            .WithName(nameof(FollowPlace))
            .WithSummary("Follow a place (following twice keeps one follow)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        portfolio.MapDelete("/places/{placeId:guid}/follow", (Guid placeId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowPlace.Command(caller, placeId, Follow: false), cancellationToken)))
            .WithName("UnfollowPlace")
            .WithSummary("Stop following a place")
            .ProducesProblem(StatusCodes.Status404NotFound);

        portfolio.MapPut("/organisations/{organisationId:guid}/follow", (Guid organisationId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowOrganisation.Command(caller, organisationId, Follow: true), cancellationToken)))
            .WithName(nameof(FollowOrganisation))
            .WithSummary("Follow an organisation (following twice keeps one follow)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        portfolio.MapDelete("/organisations/{organisationId:guid}/follow", (Guid organisationId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowOrganisation.Command(caller, organisationId, Follow: false), cancellationToken)))
            .WithName("UnfollowOrganisation")
            .WithSummary("Stop following an organisation")
            .ProducesProblem(StatusCodes.Status404NotFound);

        portfolio.MapGet("/me/follows", async Task<Ok<FollowsView>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListFollows.Query(caller), cancellationToken)))
            .WithName(nameof(ListFollows))
            .WithSummary("The places and organisations you follow");

        portfolio.MapGet("/portfolio", async Task<Ok<PortfolioView>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPortfolio.Query(caller), cancellationToken)))
            .WithName(nameof(GetPortfolio))
            .WithSummary("Your portfolio: the stage distribution of each followed place, and each organisation's movement over time, from the assessments you may read");
    }

    private static async Task<NoContent> NoContentAsync(ValueTask<Unit> sent)
    {
        await sent;
        return TypedResults.NoContent();
    }
}
