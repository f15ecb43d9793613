using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Features.Threads;

public static class ThreadEndpoints
{
    public static void MapThreadEndpoints(this RouteGroupBuilder api)
    {
        var threads = api.MapGroup("/threads").WithTags("Threads").RequireAuthorization();

        threads.MapGet("/", async Task<Ok<ThreadPage>> (
                string? tag, Guid? placeId, FrameworkStage? stage, bool? followed, string? after, int? limit,
                Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new ListThreads.Query(caller, tag, placeId, stage, followed ?? false, after, limit), cancellationToken)))
            .WithName(nameof(ListThreads))
            .WithSummary("Threads by latest activity, pinned first; filter by tag, place, stage or followed")
            .ProducesValidationProblem();

        threads.MapPost("/", async Task<Created<ThreadDetail>> (
                StartThreadRequest body, [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
                Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var thread = await sender.Send(new StartThread.Command(
                    caller, body.Title, body.Body, body.PlaceIds ?? [], body.Stage, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/threads/{thread.Id}", thread);
            })
            .WithName(nameof(StartThread))
            .RequireRateLimiting(RateLimitPolicies.Posts)
            .WithSummary("Start a thread; its body is post number 1")
            .ProducesValidationProblem();

        threads.MapGet("/{threadId:guid}", async Task<Ok<ThreadDetail>> (
                Guid threadId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetThread.Query(caller, threadId), cancellationToken)))
            .WithName(nameof(GetThread))
            .WithSummary("A thread, with the last sequence number of its live stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        threads.MapGet("/{threadId:guid}/posts", async Task<Ok<PostPage>> (
                Guid threadId, int? after, int? limit, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPosts.Query(caller, threadId, after, limit), cancellationToken)))
            .WithName(nameof(ListPosts))
            .WithSummary("Posts in order after a post number (keyset pagination)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        threads.MapPost("/{threadId:guid}/posts", async Task<Created<PostView>> (
                Guid threadId, ReplyRequest body, [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
                Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var post = await sender.Send(new PostReply.Command(caller, threadId, body.Body, body.QuotedPostId, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/threads/{threadId}/posts?after={post.Number - 1}&limit=1", post);
            })
            .WithName(nameof(PostReply))
            .RequireRateLimiting(RateLimitPolicies.Posts)
            .WithSummary("Reply; send an Idempotency-Key so a retry stores nothing twice")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        threads.MapPut("/{threadId:guid}/follow", (Guid threadId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowThread.Command(caller, threadId, Follow: true), cancellationToken)))
            .WithName(nameof(FollowThread))
            .WithSummary("Follow a thread")
            .ProducesProblem(StatusCodes.Status404NotFound);
        threads.MapDelete("/{threadId:guid}/follow", (Guid threadId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowThread.Command(caller, threadId, Follow: false), cancellationToken)))
            .WithName("UnfollowThread")
            .WithSummary("Stop following a thread")
            .ProducesProblem(StatusCodes.Status404NotFound);
        threads.MapPut("/{threadId:guid}/read", (Guid threadId, MarkReadRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new MarkRead.Command(caller, threadId, body.Number), cancellationToken)))
            .WithName(nameof(MarkRead))
            .WithSummary("Remember the last post read (only moves forward)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        foreach (var change in Enum.GetValues<ModerateThread.Change>())
        {
            threads.MapPost($"/{{threadId:guid}}/{change.ToString().ToLowerInvariant()}", (Guid threadId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                    NoContentAsync(sender.Send(new ModerateThread.Command(caller, threadId, change), cancellationToken)))
                .RequireAuthorization(Policies.Moderator)
                .WithName($"{change}Thread")
                .WithSummary($"{change} the thread (moderators)")
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        var posts = api.MapGroup("/posts").WithTags("Threads").RequireAuthorization();

        posts.MapGet("/{postId:guid}", async Task<Ok<PostView>> (
                Guid postId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPost.Query(caller, postId), cancellationToken)))
            .WithName(nameof(GetPost))
            .WithSummary("One post, as the reader may see it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPut("/{postId:guid}", async Task<Ok<PostView>> (
                Guid postId, EditPostRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditPost.Command(caller, postId, body.Body), cancellationToken)))
            .WithName(nameof(EditPost))
            .WithSummary("Edit one's own post; the earlier text is kept")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        posts.MapDelete("/{postId:guid}", (Guid postId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new DeletePost.Command(caller, postId), cancellationToken)))
            .WithName(nameof(DeletePost))
            .WithSummary("Remove one's own post (it stays as \"post removed\")")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapGet("/{postId:guid}/revisions", async Task<Ok<IReadOnlyList<RevisionView>>> (
                Guid postId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListRevisions.Query(caller, postId), cancellationToken)))
            .WithName(nameof(ListRevisions))
            .WithSummary("Earlier texts of an edited post, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPost("/{postId:guid}/hide", (Guid postId, HidePostRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new HidePost.Command(caller, postId, Hide: true, body.Reason), cancellationToken)))
            .RequireAuthorization(Policies.Moderator)
            .WithName(nameof(HidePost))
            .WithSummary("Hide a post with a reason (moderators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPost("/{postId:guid}/unhide", (Guid postId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new HidePost.Command(caller, postId, Hide: false, null), cancellationToken)))
            .RequireAuthorization(Policies.Moderator)
            .WithName("UnhidePost")
            .WithSummary("Show a hidden post again (moderators)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<NoContent> NoContentAsync(ValueTask<Unit> sent)
    {
        await sent;
        return TypedResults.NoContent();
    }
}
