using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;

namespace CommunityOfPractice.Web.Api;

/// <summary>
/// The one way the Web talks to the Api's <c>/api/v1</c>. The signed-in person's access token is
/// attached by <see cref="AccessTokenHandler"/>; every call returns the value or the Api's problem,
/// and an unreachable Api becomes <see cref="ApiProblem.Unavailable"/> rather than an exception.
/// </summary>
public sealed partial class ApiClient(HttpClient http, ILogger<ApiClient> logger)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<Registered>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken) =>
        SendAsync<Registered>(HttpMethod.Post, "api/v1/account/register", request, cancellationToken);

    public Task<ApiResult<Profile>> GetMyProfileAsync(CancellationToken cancellationToken) =>
        SendAsync<Profile>(HttpMethod.Get, "api/v1/me", null, cancellationToken);

    public Task<ApiResult<Profile>> UpdateMyProfileAsync(UpdateProfileRequest request, CancellationToken cancellationToken) =>
        SendAsync<Profile>(HttpMethod.Put, "api/v1/me", request, cancellationToken);

    public Task<ApiResult<MemberProfile>> FindMemberByHandleAsync(string handle, CancellationToken cancellationToken) =>
        SendAsync<MemberProfile>(HttpMethod.Get, $"api/v1/people?handle={Uri.EscapeDataString(handle)}", null, cancellationToken);

    public Task<ApiResult<MemberProfile>> GetMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        SendAsync<MemberProfile>(HttpMethod.Get, $"api/v1/people/{memberId}", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<Place>>> GetPlacesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<Place>>(HttpMethod.Get, "api/v1/places", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<Organisation>>> GetOrganisationsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<Organisation>>(HttpMethod.Get, "api/v1/organisations", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<Stage>>> GetStagesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<Stage>>(HttpMethod.Get, "api/v1/stages", null, cancellationToken);

    public Task<ApiResult<PeoplePage>> GetPeopleAsync(string? search, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["search"] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            ["after"] = string.IsNullOrEmpty(after) ? null : after,
            ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        return SendAsync<PeoplePage>(HttpMethod.Get, $"api/v1/admin/people{query}", null, cancellationToken);
    }

    public Task<ApiResult<NoContent>> GrantRoleAsync(Guid personId, string role, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Put, RolePath(personId, role), null, cancellationToken);

    public Task<ApiResult<NoContent>> RevokeRoleAsync(Guid personId, string role, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(HttpMethod.Delete, RolePath(personId, role), null, cancellationToken);

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
    public Task<ApiResult<SearchResults>> SearchPapersAsync(PaperSearch search, CancellationToken cancellationToken)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            query.Add("q", search.Q.Trim());
        }

        query.Add("type", search.Types.ToArray());
        query.Add("placeId", search.PlaceIds.Select(p => p.ToString()).ToArray());
        query.Add("stage", search.Stages.ToArray());
        query.Add("organisationId", search.OrganisationIds.Select(o => o.ToString()).ToArray());
        query.Add("year", search.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        if (search.Page > 1)
        {
            query.Add("page", search.Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return SendAsync<SearchResults>(HttpMethod.Get, $"api/v1/papers{query.ToQueryString()}", null, cancellationToken);
    }

    public Task<ApiResult<Paper>> GetPaperAsync(Guid paperId, CancellationToken cancellationToken) =>
        SendAsync<Paper>(HttpMethod.Get, $"api/v1/papers/{paperId}", null, cancellationToken);

    public Task<ApiResult<Paper>> PublishPaperAsync(PublishPaperRequest metadata, UploadFile? file, CancellationToken cancellationToken) =>
        SendAsync<Paper>(HttpMethod.Post, "api/v1/papers", Multipart(metadata, file), cancellationToken);

    public Task<ApiResult<Paper>> AddPaperVersionAsync(Guid paperId, UploadFile file, CancellationToken cancellationToken) =>
        SendAsync<Paper>(HttpMethod.Post, $"api/v1/papers/{paperId}/versions", Multipart(null, file), cancellationToken);

    /// <summary>
    /// The Api's answer for a paper's file, headers read and body not yet: the caller streams it on
    /// (ranges included) and disposes it. Null when the Api did not answer.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenPaperFileAsync(
        Guid paperId, int? version, bool download, IEnumerable<KeyValuePair<string, string>> forwardHeaders, CancellationToken cancellationToken)
    {
        var path = version is null ? $"api/v1/papers/{paperId}/file" : $"api/v1/papers/{paperId}/versions/{version}/file";
        using var request = new HttpRequestMessage(HttpMethod.Get, download ? path + "?download=true" : path);
        foreach (var (name, value) in forwardHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            logger.LogWarning("The Api did not answer GET {Path}: {Reason}", path, exception.Message);
            return null;
        }
    }

    private static MultipartFormDataContent Multipart(PublishPaperRequest? metadata, UploadFile? file)
    {
        var form = new MultipartFormDataContent();
        if (metadata is not null)
        {
            form.Add(JsonContent.Create(metadata, options: _json), "metadata");
        }

        if (file is not null)
        {
            var content = new StreamContent(file.Content, 64 * 1024);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", file.FileName);
        }

        return form;
    }

    private static string RolePath(Guid personId, string role) =>
        $"api/v1/admin/people/{personId}/roles/{Uri.EscapeDataString(role)}";

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: _json);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                if (typeof(T) == typeof(NoContent))
                {
                    return ApiResult<T>.Success(default!);
                }

                var value = await response.Content.ReadFromJsonAsync<T>(_json, cancellationToken);
                return value is null
                    ? ApiResult<T>.Failure(ApiProblem.FromStatus(HttpStatusCode.BadGateway, detail: "The community service sent an empty answer."))
                    : ApiResult<T>.Success(value);
            }

            return ApiResult<T>.Failure(await ReadProblemAsync(response, cancellationToken));
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            // Expected while the Api restarts or is down: one line, not a stack trace per call.
            logger.LogWarning("The Api did not answer {Method} {Path}: {Reason}", method, path, exception.Message);
            return ApiResult<T>.Failure(ApiProblem.Unavailable);
        }
        catch (JsonException exception)
        {
            logger.LogError(exception, "The Api's answer to {Method} {Path} could not be read", method, path);
            return ApiResult<T>.Failure(ApiProblem.FromStatus(HttpStatusCode.BadGateway, detail: "The community service sent an answer we could not read."));
        }
    }

    // A refused connection, a DNS failure or a timeout (HttpClient's, not the caller's cancellation).
    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        try
        {
            if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(_json, cancellationToken);
                if (problem is not null)
                {
                    var fallback = ApiProblem.FromStatus(status);
                    return new ApiProblem(
                        (int)status,
                        string.IsNullOrWhiteSpace(problem.Title) ? fallback.Title : problem.Title,
                        problem.Detail,
                        problem.Errors ?? new Dictionary<string, string[]>());
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document after all; the status alone says enough.
        }

        return ApiProblem.FromStatus(status);
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
