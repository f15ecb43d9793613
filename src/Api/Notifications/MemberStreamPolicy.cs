namespace CommunityOfPractice.Api.Notifications;

/// <summary>"member:{id}": a member's own notifications; only that member may read it, applicants included.</summary>
internal sealed class MemberStreamPolicy : IStreamPolicy
{
    public string Prefix => "member";

    public Task<string?> AuthorizeAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        Task.FromResult(Guid.TryParse(id, out var memberId) && caller.IsSignedIn && caller.Is(memberId) ? memberId.ToString() : null);

    public Task<IReadOnlyList<StreamEvent>> ForReaderAsync(
        string id, IReadOnlyList<StreamEvent> events, Caller caller, CancellationToken cancellationToken) =>
        Task.FromResult(events);
}
