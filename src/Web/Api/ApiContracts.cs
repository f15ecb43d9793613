namespace CommunityOfPractice.Web.Api;

// Web-only shapes: what the pages hand the Api client, not what crosses the wire.

/// <summary>What to list: every filter is optional and they combine.</summary>
public sealed record ThreadFilter(string? Tag, Guid? PlaceId, string? Stage, bool Followed, string? After);
