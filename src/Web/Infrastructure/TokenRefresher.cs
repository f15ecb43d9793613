using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>What came back from the token endpoint.</summary>
public abstract record RefreshOutcome
{
    /// <summary>New tokens; <see cref="RefreshToken"/> is the old one when the server did not roll it.</summary>
    public sealed record Refreshed(string AccessToken, string RefreshToken, string? IdToken, DateTimeOffset ExpiresAt) : RefreshOutcome;

    /// <summary>The server refused the refresh token (revoked, expired, person locked out): sign in again.</summary>
    public sealed record Rejected(string Error) : RefreshOutcome;

    /// <summary>The Api did not answer; keep the session and try again on a later request.</summary>
    public sealed record Unavailable : RefreshOutcome;
}

/// <summary>
/// Exchanges a refresh token at the Api's token endpoint. Concurrent requests of one session
/// (a page and its assets, two tabs) share one exchange, and a just-used refresh token maps to its
/// result for a short while, so a request still carrying the old cookie does not spend the rotated
/// token a second time.
/// </summary>
public sealed class TokenRefresher(
    IHttpClientFactory httpClientFactory,
    IOptions<ApiOptions> apiOptions,
    IOptions<OidcClientOptions> clientOptions,
    TimeProvider clock,
    ILogger<TokenRefresher> logger)
{
    public const string HttpClientName = "oidc-token";

    private static readonly TimeSpan _rememberFor = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Exchange> _exchanges = new(StringComparer.Ordinal);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Forget(now);

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var exchange = _exchanges.GetOrAdd(key, _ => new Exchange(now, new Lazy<Task<RefreshOutcome>>(() => ExchangeAsync(refreshToken))));
        var outcome = await exchange.Outcome.Value.WaitAsync(cancellationToken);
        if (outcome is RefreshOutcome.Unavailable)
        {
            // Worth another try on the next request, unlike an answer the server gave.
            _exchanges.TryRemove(new KeyValuePair<string, Exchange>(key, exchange));
        }

        return outcome;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, exchange) in _exchanges)
        {
            if (now - exchange.StartedAt > _rememberFor)
            {
                _exchanges.TryRemove(new KeyValuePair<string, Exchange>(key, exchange));
            }
        }
    }

    // Shared by every waiting request, so it runs under its own timeout rather than one request's cancellation.
    private async Task<RefreshOutcome> ExchangeAsync(string refreshToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientOptions.Value.ClientId,
            ["client_secret"] = clientOptions.Value.ClientSecret ?? string.Empty,
        });

        try
        {
            using var response = await client.PostAsync(new Uri(apiOptions.Value.BaseUrl, "connect/token"), form);
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            if (response.IsSuccessStatusCode && body?.AccessToken is { Length: > 0 } accessToken)
            {
                var expiresAt = clock.GetUtcNow().AddSeconds(body.ExpiresIn ?? 0);
                return new RefreshOutcome.Refreshed(accessToken, body.RefreshToken ?? refreshToken, body.IdToken, expiresAt);
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && body?.Error is { } error)
            {
                logger.LogInformation("The Api refused to refresh a session: {Error} {Description}", error, body.ErrorDescription);
                return new RefreshOutcome.Rejected(error);
            }

            logger.LogWarning("The Api's token endpoint answered {Status} to a refresh", (int)response.StatusCode);
            return new RefreshOutcome.Unavailable();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning(exception, "Could not refresh a session: the Api's token endpoint did not answer");
            return new RefreshOutcome.Unavailable();
        }
    }

    private sealed record Exchange(DateTimeOffset StartedAt, Lazy<Task<RefreshOutcome>> Outcome);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("id_token")] string? IdToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
