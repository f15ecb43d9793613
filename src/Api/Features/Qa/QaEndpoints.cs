using CommunityOfPractice.Api.Infrastructure.Persistence;
using System.Security.Claims;
using System.Text;
using CommunityOfPractice.Api.Features.Events;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Features.Qa;

public static class QaEndpoints
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static void MapQaEndpoints(this RouteGroupBuilder api)
    {
        var qa = api.MapGroup("/events/{eventId:guid}/qa").WithTags("Q&A").RequireAuthorization();

        qa.MapGet("/", async Task<Ok<QaState>> (Guid eventId, QuestionOrder? sort, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetQa.Query(Viewer.From(user), eventId, sort ?? QuestionOrder.Votes), cancellationToken)))
            .WithSummary("The Q&A as I may see it, sorted by votes or time, with the live streams' last numbers");

        qa.MapPost("/open", async Task<Ok<QaState>> (Guid eventId, OpenQa.Request? body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new OpenQa.Command(Viewer.From(user), eventId, true, body?.RequireApproval ?? false), cancellationToken)))
            .WithSummary("Open the Q&A, optionally with pre-moderation (hosts, moderators)");

        qa.MapPost("/close", async Task<Ok<QaState>> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new OpenQa.Command(Viewer.From(user), eventId, false, false), cancellationToken)))
            .WithSummary("Close the Q&A (hosts, moderators)");

        qa.MapPost("/questions", async Task<Created<QuestionView>> (
                Guid eventId, AskQuestion.Request body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var asked = await sender.Send(new AskQuestion.Command(Viewer.From(user), eventId, body.Text, body.Anonymous ?? false, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/events/{eventId}/qa", asked);
            })
            .WithSummary("Ask (registered attendees); send an Idempotency-Key so a retry stores nothing twice")
            .ProducesValidationProblem();

        qa.MapGet("/similar", async Task<Ok<IReadOnlyList<QuestionView>>> (
                Guid eventId, string? text, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SuggestSimilar.Query(Viewer.From(user), eventId, text ?? string.Empty), cancellationToken)))
            .WithSummary("Questions already asked that read like this text");

        qa.MapPut("/questions/{questionId:guid}/vote", async Task<Ok<VoteResult>> (
                Guid eventId, Guid questionId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CastVote.Command(Viewer.From(user), eventId, questionId, Up: true), cancellationToken)))
            .WithSummary("Upvote a question (once; 409 when already voted)");

        qa.MapDelete("/questions/{questionId:guid}/vote", async Task<Ok<VoteResult>> (
                Guid eventId, Guid questionId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CastVote.Command(Viewer.From(user), eventId, questionId, Up: false), cancellationToken)))
            .WithSummary("Take my vote back");

        foreach (var action in Enum.GetValues<ModerateQuestion.Action>())
        {
            qa.MapPost($"/questions/{{questionId:guid}}/{action.ToString().ToLowerInvariant()}", async Task<Ok<QuestionView>> (
                    Guid eventId, Guid questionId, ModerateQuestion.Request? body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await sender.Send(
                        new ModerateQuestion.Command(Viewer.From(user), eventId, questionId, action, body ?? new(null, null, null, null)), cancellationToken)))
                .WithSummary($"{action} a question (hosts, moderators)")
                .ProducesValidationProblem();
        }

        qa.MapGet("/export.csv", async Task<FileContentHttpResult> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ExportQuestions.Query(Viewer.From(user), eventId, ExportQuestions.Format.Csv), cancellationToken)),
                    AttendeeCsv.ContentType, "questions.csv"))
            .WithSummary("The questions with votes and answered state as CSV (hosts, moderators)");

        qa.MapGet("/export.md", async Task<FileContentHttpResult> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ExportQuestions.Query(Viewer.From(user), eventId, ExportQuestions.Format.Markdown), cancellationToken)),
                    "text/markdown; charset=utf-8", "questions.md"))
            .WithSummary("The questions as Markdown (hosts, moderators)");
    }
}
