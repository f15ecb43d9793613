using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// "thread:{id}": every signed-in member may read a thread. Stored events that carry a post are
/// replaced by the post as it is now, so catch-up never brings back hidden or removed content.
/// </summary>
internal sealed class ThreadStreamPolicy(AppDbContext db, IOptions<JsonOptions> json) : IStreamPolicy
{
    public string Prefix => "thread";

    public async Task<string?> AuthorizeAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var threadId) && await db.Threads.AnyAsync(t => t.Id == threadId, cancellationToken)
            ? threadId.ToString()
            : null;

    public async Task<IReadOnlyList<StreamEvent>> ForReaderAsync(
        string id, IReadOnlyList<StreamEvent> events, Caller caller, CancellationToken cancellationToken)
    {
        var postIds = events.Where(e => ThreadEventKinds.CarryPost.Contains(e.Kind))
            .Select(e => e.Data.GetProperty("id").GetGuid()).Distinct().ToList();
        if (postIds.Count == 0)
        {
            return events;
        }

        var current = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).Select(PostProjection.Row(db))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. events.Select(e => ThreadEventKinds.CarryPost.Contains(e.Kind) && current.TryGetValue(e.Data.GetProperty("id").GetGuid(), out var row)
            ? e with { Data = JsonSerializer.SerializeToElement(row.ToView(caller) with { Markdown = null, CanEdit = false, CanDelete = false }, json.Value.SerializerOptions) }
            : e)];
    }
}
