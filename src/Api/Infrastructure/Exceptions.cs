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
