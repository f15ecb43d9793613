using System.Net;

namespace CommunityOfPractice.Web.Api;

/// <summary>
/// What the Api said went wrong: an RFC 9457 problem (status, title, detail and field errors keyed
/// by camelCase field names), or <see cref="Unavailable"/> when it could not be reached at all.
/// </summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> _noErrors = new Dictionary<string, string[]>();

    public static ApiProblem Unavailable { get; } = new(
        (int)HttpStatusCode.ServiceUnavailable,
        "The community service is not answering",
        "We could not reach the community service just now. Please try again in a minute.",
        _noErrors);

    public static ApiProblem FromStatus(HttpStatusCode status, string? title = null, string? detail = null) =>
        new((int)status, title ?? DefaultTitle(status), detail, _noErrors);

    public bool IsUnavailable => Status is (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.BadGateway
        or (int)HttpStatusCode.GatewayTimeout;

    /// <summary>The session's access token is missing, expired or revoked: the person needs to sign in again.</summary>
    public bool IsUnauthorized => Status == (int)HttpStatusCode.Unauthorized;

    /// <summary>Too many of these just now (the Api's rate limits): the page says when to try again.</summary>
    public bool IsTooManyRequests => Status == (int)HttpStatusCode.TooManyRequests;

    /// <summary>A sentence for the page: the detail if the Api gave one, else the title.</summary>
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;

    private static string DefaultTitle(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Your session has ended. Please sign in again.",
        HttpStatusCode.Forbidden => "You do not have permission to do that.",
        HttpStatusCode.NotFound => "We could not find that.",
        HttpStatusCode.Conflict => "That could not be done.",
        HttpStatusCode.TooManyRequests => "That was done too often just now. Please wait a minute and try again.",
        >= HttpStatusCode.InternalServerError => "Something went wrong on our side. Please try again.",
        _ => "That request could not be completed.",
    };
}

/// <summary>Either the Api's answer or its problem; pages branch on <see cref="Succeeded"/>.</summary>
public sealed class ApiResult<T>
{
    private readonly T? _value;

    private ApiResult(T? value, ApiProblem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public ApiProblem? Problem { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The Api call failed: {Problem.Message}");

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}

/// <summary>Stands in for "no content" in <see cref="ApiResult{T}"/> (204 answers).</summary>
public readonly record struct NoContent;
