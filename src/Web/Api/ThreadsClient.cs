using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Web.Api;

/// <summary>The threads calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<ThreadPage>> ListThreadsAsync(ThreadFilter filter, int limit, CancellationToken cancellationToken)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["tag"] = string.IsNullOrWhiteSpace(filter.Tag) ? null : filter.Tag.Trim(),
            ["placeId"] = filter.PlaceId?.ToString(),
            ["stage"] = string.IsNullOrEmpty(filter.Stage) ? null : filter.Stage,
            ["followed"] = filter.Followed ? "true" : null,
            ["after"] = string.IsNullOrEmpty(filter.After) ? null : filter.After,
            ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        return SendAsync<ThreadPage>(HttpMethod.Get, $"api/v1/threads{query}", null, cancellationToken);
    }

    public Task<ApiResult<ThreadDetail>> GetThreadAsync(Guid threadId, CancellationToken cancellationToken) =>
        SendAsync<ThreadDetail>(HttpMethod.Get, $"api/v1/threads/{threadId}", null, cancellationToken);

    public Task<ApiResult<PostPage>> ListPostsAsync(Guid threadId, int after, int limit, CancellationToken cancellationToken) =>
        SendAsync<PostPage>(HttpMethod.Get, FormattableString.Invariant($"api/v1/threads/{threadId}/posts?after={after}&limit={limit}"), null, cancellationToken);

    /// <summary>The key makes a repeated submission (a double click, a retried form) start one thread.</summary>
    public Task<ApiResult<ThreadDetail>> StartThreadAsync(StartThreadRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<ThreadDetail>(HttpMethod.Post, "api/v1/threads", request, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<PostView>> ReplyAsync(Guid threadId, ReplyRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<PostView>(HttpMethod.Post, $"api/v1/threads/{threadId}/posts", request, cancellationToken, ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<PostView>> GetPostAsync(Guid postId, CancellationToken cancellationToken) =>
        SendAsync<PostView>(HttpMethod.Get, $"api/v1/posts/{postId}", null, cancellationToken);

    public Task<ApiResult<PostView>> EditPostAsync(Guid postId, EditPostRequest request, CancellationToken cancellationToken) =>
        SendAsync<PostView>(HttpMethod.Put, $"api/v1/posts/{postId}", request, cancellationToken);

    public Task<ApiResult<NoContent>> DeletePostAsync(Guid postId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, $"api/v1/posts/{postId}", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<RevisionView>>> ListRevisionsAsync(Guid postId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<RevisionView>>(HttpMethod.Get, $"api/v1/posts/{postId}/revisions", null, cancellationToken);

    public Task<ApiResult<NoContent>> HidePostAsync(Guid postId, string reason, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/posts/{postId}/hide", new HidePostRequest(reason), cancellationToken);

    public Task<ApiResult<NoContent>> UnhidePostAsync(Guid postId, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/posts/{postId}/unhide", null, cancellationToken);

    public Task<ApiResult<NoContent>> FollowAsync(Guid threadId, bool follow, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(follow ? HttpMethod.Put : HttpMethod.Delete, $"api/v1/threads/{threadId}/follow", null, cancellationToken);

    public Task<ApiResult<NoContent>> MarkReadAsync(Guid threadId, int number, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Put, $"api/v1/threads/{threadId}/read", new MarkReadRequest(number), cancellationToken);

    /// <summary>lock, unlock, pin or unpin (moderators).</summary>
    public Task<ApiResult<NoContent>> ModerateThreadAsync(Guid threadId, string change, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Post, $"api/v1/threads/{threadId}/{Uri.EscapeDataString(change)}", null, cancellationToken);
}
