using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Stages;

public sealed record StageDto(FrameworkStage Stage, int Order, string Description);

public static class StageEndpoints
{
    // Five fixed values from the domain: no query, no handler, nothing to go wrong.
    private static readonly IReadOnlyList<StageDto> _stages =
        [.. FrameworkStages.InOrder.Select(s => new StageDto(s, (int)s, s.Describe()))];

    public static void MapStageEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/stages", Ok<IReadOnlyList<StageDto>> () => TypedResults.Ok(_stages))
            .WithTags("Framework")
            .AllowAnonymous()
            .WithSummary("The five stages of the framework, in order");
}
