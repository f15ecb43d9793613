namespace CommunityOfPractice.Domain.Common;

/// <summary>
/// A rule of the model was broken by a request that was well-formed but not allowed in the
/// current state (for example: a place that already exists). The Api turns it into 409.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
