namespace CommunityOfPractice.Api.Features.Places;

/// <summary>
/// "place:{id}": anyone connected may follow an approved place. Its events only say that
/// something arrived (its kind, id and title), never its content, and never anything a
/// private or funders-only assessment holds, so they are the same for every reader.
/// </summary>
internal sealed class PlaceStreamPolicy(AppDbContext db) : IStreamPolicy
{
    public string Prefix => "place";

    public async Task<string?> AuthorizeAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var placeId) && await db.Places.AnyAsync(p => p.Id == placeId && p.IsApproved, cancellationToken)
            ? placeId.ToString()
            : null;

    public Task<IReadOnlyList<StreamEvent>> ForReaderAsync(
        string id, IReadOnlyList<StreamEvent> events, Caller caller, CancellationToken cancellationToken) =>
        Task.FromResult(events);
}
