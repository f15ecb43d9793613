using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Stages;

public static class StageEndpoints
{
    // Five fixed values from the domain: no query, no handler, nothing to go wrong.
    private static readonly IReadOnlyList<StageView> _stages =
        [.. FrameworkStages.InOrder.Select(s => new StageView(s, (int)s, s.Describe()))];

    public static void MapStageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stages", Ok<IReadOnlyList<StageView>> () => TypedResults.Ok(_stages))
            .WithTags("Framework")
            .AllowAnonymous()
            .WithName("ListStages")
            .WithSummary("The five stages of the framework, in order");

        api.MapGet("/stages/statements", async Task<Ok<IReadOnlyList<StatementView>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListStatements.Query(), cancellationToken)))
            .WithTags("Framework")
            .AllowAnonymous()
            .WithName(nameof(ListStatements))
            .WithSummary("The guided self-assessment's statements, by stage, each answered from 1 to 5");
    }
}
