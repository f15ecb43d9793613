using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// What every moderation action shares: it holds the event's lock (moderation and pinning are
/// ordered by it; votes do not take it), is for the event's hosts and moderators only, and tells
/// both streams what changed. The actions themselves (approve, hide, pin, …) are one use case each.
/// </summary>
internal sealed class QuestionModeration(AppDbContext db, LiveStreams live)
{
    public async Task<QuestionView> ApplyAsync(
        Caller caller, Guid eventId, Guid questionId, Func<CommunityEvent, Question, Task> change, CancellationToken cancellationToken,
        bool announcesPin = false)
    {
        var found = await db.LockEventAsync(eventId, caller, cancellationToken);
        if (!caller.MayModerateQa(found))
        {
            throw new ForbiddenException("Only the event's hosts and moderators moderate its Q&A.");
        }

        var question = await db.QuestionAsync(found.Id, questionId, cancellationToken);
        var wasVisible = question.Status == QuestionStatus.Visible;

        await change(found, question);
        await db.SaveChangesAsync(cancellationToken);

        // Everyone: a question that became visible is added, one that stopped is removed, others are updated.
        var publicStream = StreamNames.Qa(found.Id);
        if (question.Status == QuestionStatus.Visible)
        {
            var kind = wasVisible ? QaEventKinds.QuestionUpdated : QaEventKinds.QuestionAdded;
            await live.AppendAsync(publicStream, kind, await db.ViewAsync(question, Caller.Anonymous, moderates: false, cancellationToken), cancellationToken);
        }
        else if (wasVisible)
        {
            await live.AppendAsync(publicStream, QaEventKinds.QuestionRemoved,
                new { id = question.Id, mergedIntoId = question.MergedIntoId }, cancellationToken);
        }

        // Actions that may move the pin say which question is pinned now, even when it stayed.
        if (announcesPin)
        {
            await live.AppendAsync(publicStream, QaEventKinds.QuestionPinned, new { questionId = found.PinnedQuestionId }, cancellationToken);
        }

        // Hosts and moderators: every change, with the asker named.
        await live.AppendAsync(StreamNames.QaModeration(found.Id), QaEventKinds.QuestionModerated,
            await db.ViewAsync(question, Caller.Anonymous, moderates: true, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var stored = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questionId, cancellationToken);
        return await db.ViewAsync(stored, Caller.Anonymous, moderates: true, cancellationToken);
    }
}
