namespace CommunityOfPractice.Api.Infrastructure.RateLimiting;

/// <summary>The named rate limits endpoints ask for with <c>RequireRateLimiting</c>; their sizes are in <see cref="RateLimitOptions"/>.</summary>
public static class RateLimitPolicies
{
    public const string Token = "token";
    public const string SignIn = "sign-in";
    public const string Account = "account";
    public const string Posts = "posts";
    public const string Questions = "questions";
    public const string Votes = "votes";
    public const string Uploads = "uploads";
    public const string Search = "search";

    public static readonly IReadOnlyDictionary<string, Func<RateLimitOptions, RateLimit>> All = new Dictionary<string, Func<RateLimitOptions, RateLimit>>
    {
        [Token] = o => o.Token,
        [SignIn] = o => o.SignIn,
        [Account] = o => o.Account,
        [Posts] = o => o.Posts,
        [Questions] = o => o.Questions,
        [Votes] = o => o.Votes,
        [Uploads] = o => o.Uploads,
        [Search] = o => o.Search,
    };
}
