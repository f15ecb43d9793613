namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>The thing asked for does not exist (or the caller may not know it exists): 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request clashes with the current state (already exists, locked, full): 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The thing asked for was there but is no more (an invitation expired or used up): 410.</summary>
public sealed class GoneException(string message) : Exception(message);

/// <summary>The upload is over the size limit: 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>The content is not of a kind accepted here (checked by content, not by name): 415, on a field.</summary>
public sealed class UnsupportedContentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The request is well formed but cannot be taken as sent (a key reused for another request): 422, on a field.</summary>
public sealed class UnprocessableException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The caller is going too fast (a rate limit, or sign-in attempts slowed after failures): 429 with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, string message) : Exception(message)
{
    /// <summary>How long until the next attempt is allowed; never less than a second.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;

    /// <summary>Whole seconds, rounded up, as Retry-After carries them.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);

    /// <summary>"1 second", "40 seconds", "3 minutes": for the sentence a person reads.</summary>
    public static string Describe(TimeSpan wait)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        if (seconds < 120)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }

        return $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
    }
}
