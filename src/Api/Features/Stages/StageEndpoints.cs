using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Api.Infrastructure.Authorization;
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

        // Statements are data admins edit; the tool reads the active ones through ListStatements.
        var statements = api.MapGroup("/admin/statements").WithTags("Admin").RequireAuthorization(Policies.Admin);

        statements.MapGet("/", async Task<Ok<IReadOnlyList<ManagedStatement>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListManagedStatements.Query(), cancellationToken)))
            .WithName(nameof(ListManagedStatements))
            .WithSummary("Every statement of the guided self-assessment, retired ones too (admin)");

        statements.MapPost("/", async Task<Created<ManagedStatement>> (StatementRequest body, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Created((string?)null, await sender.Send(new AddStatement.Command(body.Stage, body.Text), cancellationToken)))
            .WithName(nameof(AddStatement))
            .WithSummary("Add a statement at the end of its stage (admin)")
            .ProducesValidationProblem();

        statements.MapPut("/{statementId:guid}", async Task<Ok<ManagedStatement>> (
                Guid statementId, StatementRequest body, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditStatement.Command(statementId, body.Stage, body.Text), cancellationToken)))
            .WithName(nameof(EditStatement))
            .WithSummary("Reword a statement or move it to another stage (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        statements.MapPost("/{statementId:guid}/move", async Task<Ok<IReadOnlyList<ManagedStatement>>> (
                Guid statementId, MoveStatementRequest body, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new MoveStatement.Command(statementId, body.Direction), cancellationToken)))
            .WithName(nameof(MoveStatement))
            .WithSummary("Move a statement one place up or down within its stage; returns the stage's statements in their new order (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        statements.MapPut("/{statementId:guid}/retirement", async Task<NoContent> (Guid statementId, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new RetireStatement.Command(statementId), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName(nameof(RetireStatement))
            .WithSummary("Retire a statement: the tool stops asking it, old answers keep it (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        statements.MapDelete("/{statementId:guid}/retirement", async Task<NoContent> (Guid statementId, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new RestoreStatement.Command(statementId), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName(nameof(RestoreStatement))
            .WithSummary("Bring a retired statement back into the tool (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
