using System.Text;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Events.Qa;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Features.Events.Qa;

public static class QaEndpoints
{
    public static void MapQaEndpoints(this RouteGroupBuilder api)
    {
        var qa = api.MapGroup("/events/{eventId:guid}/qa").WithTags("Q&A").RequireAuthorization();

        qa.MapGet("/", async Task<Ok<QaState>> (Guid eventId, QuestionOrder? sort, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetQa.Query(caller, eventId, sort ?? QuestionOrder.Votes), cancellationToken)))
            .WithName(nameof(GetQa))
            .WithSummary("The Q&A as I may see it, sorted by votes or time, with the live streams' last numbers")
            .ProducesProblem(StatusCodes.Status404NotFound);

        qa.MapPost("/open", async Task<Ok<QaState>> (Guid eventId, OpenQaRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new OpenQa.Command(caller, eventId, true, body?.RequireApproval ?? false), cancellationToken)))
            .WithName(nameof(OpenQa))
            .WithSummary("Open the Q&A, optionally with pre-moderation (hosts, moderators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        qa.MapPost("/close", async Task<Ok<QaState>> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new OpenQa.Command(caller, eventId, false, false), cancellationToken)))
            .WithName("CloseQa")
            .WithSummary("Close the Q&A (hosts, moderators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        qa.MapPost("/questions", async Task<Created<QuestionView>> (
                Guid eventId, AskQuestionRequest body, [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
                Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var asked = await sender.Send(new AskQuestion.Command(caller, eventId, body.Text, body.Anonymous ?? false, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/events/{eventId}/qa", asked);
            })
            .WithName(nameof(AskQuestion))
            .RequireRateLimiting(RateLimitPolicies.Questions)
            .WithSummary("Ask (registered attendees); send an Idempotency-Key so a retry stores nothing twice")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        qa.MapGet("/similar", async Task<Ok<IReadOnlyList<QuestionView>>> (
                Guid eventId, string? text, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SuggestSimilar.Query(caller, eventId, text ?? string.Empty), cancellationToken)))
            .WithName(nameof(SuggestSimilar))
            .RequireRateLimiting(RateLimitPolicies.Search)
            .WithSummary("Questions already asked that read like this text")
            .ProducesProblem(StatusCodes.Status404NotFound);

        qa.MapPut("/questions/{questionId:guid}/vote", async Task<Ok<VoteResult>> (
                Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CastVote.Command(caller, eventId, questionId, Up: true), cancellationToken)))
            .WithName(nameof(CastVote))
            .RequireRateLimiting(RateLimitPolicies.Votes)
            .WithSummary("Upvote a question (once; 409 when already voted)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        qa.MapDelete("/questions/{questionId:guid}/vote", async Task<Ok<VoteResult>> (
                Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CastVote.Command(caller, eventId, questionId, Up: false), cancellationToken)))
            .WithName("WithdrawVote")
            .RequireRateLimiting(RateLimitPolicies.Votes)
            .WithSummary("Take my vote back")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Moderation: one route and one use case per action, all for the event's hosts and moderators.
        Moderation(qa.MapPost("/questions/{questionId:guid}/approve", (Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new ApproveQuestion.Command(caller, eventId, questionId), cancellationToken))),
            nameof(ApproveQuestion), "Let a question out of the pre-moderation queue");
        Moderation(qa.MapPost("/questions/{questionId:guid}/hide", (Guid eventId, Guid questionId, HideQuestionRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new HideQuestion.Command(caller, eventId, questionId, body?.Reason), cancellationToken))),
            nameof(HideQuestion), "Hide a question with a reason its asker sees")
            .ProducesValidationProblem();
        Moderation(qa.MapPost("/questions/{questionId:guid}/pin", (Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new PinQuestion.Command(caller, eventId, questionId, Pin: true), cancellationToken))),
            nameof(PinQuestion), "Pin a question (\"now answering\"); 409 until it is approved")
            .ProducesProblem(StatusCodes.Status409Conflict);
        Moderation(qa.MapPost("/questions/{questionId:guid}/unpin", (Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new PinQuestion.Command(caller, eventId, questionId, Pin: false), cancellationToken))),
            "UnpinQuestion", "Take the pin off a question");
        Moderation(qa.MapPost("/questions/{questionId:guid}/answered", (Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new MarkQuestionAnswered.Command(caller, eventId, questionId, Answered: true), cancellationToken))),
            nameof(MarkQuestionAnswered), "Mark a question answered on air");
        Moderation(qa.MapPost("/questions/{questionId:guid}/unanswered", (Guid eventId, Guid questionId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new MarkQuestionAnswered.Command(caller, eventId, questionId, Answered: false), cancellationToken))),
            "MarkQuestionUnanswered", "Take the answered mark back");
        Moderation(qa.MapPost("/questions/{questionId:guid}/edit", (Guid eventId, Guid questionId, EditQuestionRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new EditQuestion.Command(caller, eventId, questionId, body?.Text), cancellationToken))),
            nameof(EditQuestion), "Fix a typo in a question")
            .ProducesValidationProblem();
        Moderation(qa.MapPost("/questions/{questionId:guid}/answer", (Guid eventId, Guid questionId, AnswerQuestionRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new AnswerQuestion.Command(caller, eventId, questionId, body?.Answer), cancellationToken))),
            nameof(AnswerQuestion), "Answer a question in writing (Markdown)")
            .ProducesValidationProblem();
        Moderation(qa.MapPost("/questions/{questionId:guid}/merge", (Guid eventId, Guid questionId, MergeQuestionRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                OkAsync(sender.Send(new MergeQuestion.Command(caller, eventId, questionId, body?.IntoQuestionId), cancellationToken))),
            nameof(MergeQuestion), "Merge a duplicate into another question; its votes move over")
            .ProducesValidationProblem();

        qa.MapGet("/export.csv", async Task<FileContentHttpResult> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ExportQuestions.Query(caller, eventId, ExportQuestions.Format.Csv), cancellationToken)),
                    AttendeeCsv.ContentType, "questions.csv"))
            .WithName("ExportQuestionsCsv")
            .Produces(StatusCodes.Status200OK, contentType: AttendeeCsv.ContentType)
            .WithSummary("The questions with votes and answered state as CSV (hosts, moderators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        qa.MapGet("/export.md", async Task<FileContentHttpResult> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ExportQuestions.Query(caller, eventId, ExportQuestions.Format.Markdown), cancellationToken)),
                    "text/markdown; charset=utf-8", "questions.md"))
            .WithName("ExportQuestionsMarkdown")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown; charset=utf-8")
            .WithSummary("The questions as Markdown (hosts, moderators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static RouteHandlerBuilder Moderation(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name)
            .WithSummary(summary + " (hosts, moderators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<QuestionView>> OkAsync(ValueTask<QuestionView> moderated) => TypedResults.Ok(await moderated);
}
