using System.Net;
using System.Text.Json;
using CommunityOfPractice.Contracts;

namespace CommunityOfPractice.Web.Api;

/// <summary>
/// The one way the Web talks to the Api's <c>/api/v1</c>. The signed-in person's access token is
/// attached by <see cref="AccessTokenHandler"/>; every call returns the value or the Api's problem,
/// and an unreachable Api becomes <see cref="ApiProblem.Unavailable"/> rather than an exception.
/// </summary>
public sealed partial class ApiClient(HttpClient http, ILogger<ApiClient> logger)
{
    private static readonly JsonSerializerOptions _json = ApiJson.Options;

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

        // A 429 from something before the Api (a proxy) has no problem document, but may say when.
        if (status == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait)
        {
            return ApiProblem.FromStatus(status, detail: $"That was done too often just now. Please try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds.");
        }

        return ApiProblem.FromStatus(status);
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
