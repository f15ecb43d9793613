using System.Text.Json;
using CommunityOfPractice.Domain.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// "qa:{eventId}" is the event's public Q&amp;A: anyone who may see the event reads it, and it only
/// ever carries visible questions. "qa:{eventId}:moderation" carries the approval queue and hidden
/// questions, for the event's hosts and moderators only. Catch-up replaces a stored question with
/// the question as it is now, so a question hidden since it was added comes back without its text.
/// </summary>
internal sealed class QaStreamPolicy(AppDbContext db, IOptions<JsonOptions> json) : IStreamPolicy
{
    private const string ModerationSuffix = ":moderation";

    public string Prefix => "qa";

    public async Task<string?> AuthorizeAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var moderation = id.EndsWith(ModerationSuffix, StringComparison.Ordinal);
        if (!Guid.TryParse(moderation ? id[..^ModerationSuffix.Length] : id, out var eventId))
        {
            return null;
        }

        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (found is null || !caller.MaySee(found) || (moderation && !caller.MayModerateQa(found)))
        {
            return null;
        }

        return moderation ? $"{eventId}{ModerationSuffix}" : eventId.ToString();
    }

    public async Task<IReadOnlyList<StreamEvent>> ForReaderAsync(
        string id, IReadOnlyList<StreamEvent> events, Caller caller, CancellationToken cancellationToken)
    {
        var ids = events.Where(e => QaEventKinds.CarryQuestion.Contains(e.Kind)).Select(e => e.Data.GetProperty("id").GetGuid()).Distinct().ToList();
        if (ids.Count == 0)
        {
            return events;
        }

        var moderation = id.EndsWith(ModerationSuffix, StringComparison.Ordinal);
        var current = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new
            {
                Question = q,
                Name = db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).First(),
                Pinned = db.Events.Where(e => e.Id == q.EventId).Select(e => e.PinnedQuestionId).First(),
            })
            .ToDictionaryAsync(x => x.Question.Id, cancellationToken);

        return [.. events.Select(e =>
        {
            if (!QaEventKinds.CarryQuestion.Contains(e.Kind) || !current.TryGetValue(e.Data.GetProperty("id").GetGuid(), out var now))
            {
                return e;
            }

            object data = moderation || now.Question.Status == QuestionStatus.Visible
                ? now.Question.ToView(now.Name, now.Pinned, Caller.Anonymous, moderates: moderation)
                : new { id = now.Question.Id, status = now.Question.Status };
            return e with { Data = JsonSerializer.SerializeToElement(data, json.Value.SerializerOptions) };
        })];
    }
}
