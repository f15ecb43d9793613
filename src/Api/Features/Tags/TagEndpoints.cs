using CommunityOfPractice.Contracts.Tags;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Tags;

public static class TagEndpoints
{
    public static void MapTagEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/tags/{tag}", async Task<Ok<TagPage>> (string tag, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetTag.Query(caller, tag), cancellationToken)))
            .WithTags("Tags")
            .AllowAnonymous()
            .WithName(nameof(GetTag))
            .WithSummary("A hashtag's page, without case: the threads, events and papers that carry it, as far as the reader may see them")
            .ProducesValidationProblem();
}
