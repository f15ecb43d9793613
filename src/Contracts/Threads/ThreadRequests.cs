using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Threads;

public sealed record StartThreadRequest(string Title, string Body, IReadOnlyList<Guid>? PlaceIds, FrameworkStage? Stage);

public sealed record ReplyRequest(string Body, Guid? QuotedPostId);

public sealed record EditPostRequest(string Body);

public sealed record HidePostRequest(string Reason);

public sealed record MarkReadRequest(int Number);
