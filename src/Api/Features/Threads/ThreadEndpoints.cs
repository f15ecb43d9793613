using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Contracts;
using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Features.Threads;

public static class ThreadEndpoints
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static void MapThreadEndpoints(this RouteGroupBuilder api)
    {
        var threads = api.MapGroup("/threads").WithTags("Threads").RequireAuthorization();
        Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> moderators = policy => policy.RequireRole(Roles.Moderator, Roles.Admin);

        threads.MapGet("/", async Task<Ok<ThreadPage>> (
                string? tag, Guid? placeId, FrameworkStage? stage, bool? followed, string? after, int? limit,
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new ListThreads.Query(Reader.From(user).MemberId, tag, placeId, stage, followed ?? false, after, limit), cancellationToken)))
            .WithSummary("Threads by latest activity, pinned first; filter by tag, place, stage or followed");

        threads.MapPost("/", async Task<Created<ThreadDetail>> (
                StartThread.Request body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var thread = await sender.Send(new StartThread.Command(
                    Reader.From(user), body.Title, body.Body, body.PlaceIds ?? [], body.Stage, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/threads/{thread.Id}", thread);
            })
            .WithSummary("Start a thread; its body is post number 1")
            .ProducesValidationProblem();

        threads.MapGet("/{threadId:guid}", async Task<Ok<ThreadDetail>> (
                Guid threadId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetThread.Query(Reader.From(user), threadId), cancellationToken)))
            .WithSummary("A thread, with the last sequence number of its live stream");

        threads.MapGet("/{threadId:guid}/posts", async Task<Ok<PostPage>> (
                Guid threadId, int? after, int? limit, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPosts.Query(Reader.From(user), threadId, after, limit), cancellationToken)))
            .WithSummary("Posts in order after a post number (keyset pagination)");

        threads.MapPost("/{threadId:guid}/posts", async Task<Created<PostView>> (
                Guid threadId, PostReply.Request body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var post = await sender.Send(new PostReply.Command(Reader.From(user), threadId, body.Body, body.QuotedPostId, idempotencyKey), cancellationToken);
                return TypedResults.Created($"/api/v1/threads/{threadId}/posts?after={post.Number - 1}&limit=1", post);
            })
            .WithSummary("Reply; send an Idempotency-Key so a retry stores nothing twice")
            .ProducesValidationProblem();

        threads.MapPut("/{threadId:guid}/follow", (Guid threadId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowThread.Command(user.MemberId(), threadId, Follow: true), cancellationToken)))
            .WithSummary("Follow a thread");
        threads.MapDelete("/{threadId:guid}/follow", (Guid threadId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new FollowThread.Command(user.MemberId(), threadId, Follow: false), cancellationToken)))
            .WithSummary("Stop following a thread");
        threads.MapPut("/{threadId:guid}/read", (Guid threadId, MarkRead.Request body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new MarkRead.Command(user.MemberId(), threadId, body.Number), cancellationToken)))
            .WithSummary("Remember the last post read (only moves forward)");

        foreach (var change in Enum.GetValues<ModerateThread.Change>())
        {
            threads.MapPost($"/{{threadId:guid}}/{change.ToString().ToLowerInvariant()}", (Guid threadId, ISender sender, CancellationToken cancellationToken) =>
                    NoContentAsync(sender.Send(new ModerateThread.Command(threadId, change), cancellationToken)))
                .RequireAuthorization(moderators)
                .WithSummary($"{change} the thread (moderators)");
        }

        var posts = api.MapGroup("/posts").WithTags("Threads").RequireAuthorization();

        posts.MapGet("/{postId:guid}", async Task<Ok<PostView>> (
                Guid postId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPost.Query(Reader.From(user), postId), cancellationToken)))
            .WithSummary("One post, as the reader may see it");
        posts.MapPut("/{postId:guid}", async Task<Ok<PostView>> (
                Guid postId, EditPost.Request body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditPost.Command(Reader.From(user), postId, body.Body), cancellationToken)))
            .WithSummary("Edit one's own post; the earlier text is kept")
            .ProducesValidationProblem();
        posts.MapDelete("/{postId:guid}", (Guid postId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new DeletePost.Command(Reader.From(user), postId), cancellationToken)))
            .WithSummary("Remove one's own post (it stays as \"post removed\")");
        posts.MapGet("/{postId:guid}/revisions", async Task<Ok<IReadOnlyList<RevisionView>>> (
                Guid postId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListRevisions.Query(Reader.From(user), postId), cancellationToken)))
            .WithSummary("Earlier texts of an edited post, oldest first");
        posts.MapPost("/{postId:guid}/hide", (Guid postId, HidePost.Request body, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new HidePost.Command(postId, Hide: true, body.Reason), cancellationToken)))
            .RequireAuthorization(moderators)
            .WithSummary("Hide a post with a reason (moderators)")
            .ProducesValidationProblem();
        posts.MapPost("/{postId:guid}/unhide", (Guid postId, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new HidePost.Command(postId, Hide: false, null), cancellationToken)))
            .RequireAuthorization(moderators)
            .WithSummary("Show a hidden post again (moderators)");
    }

    private static async Task<NoContent> NoContentAsync(ValueTask<Unit> sent)
    {
        await sent;
        return TypedResults.NoContent();
    }
}
