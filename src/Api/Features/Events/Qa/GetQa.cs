using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// The Q&amp;A as this reader may see it: visible questions for everyone, their own questions
/// whatever became of them (with the reason), and the queue and hidden ones for hosts and moderators.
/// </summary>
public static class GetQa
{
    public sealed record Query(Caller Caller, Guid EventId, QuestionOrder Order) : IQuery<QaState>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, QaState>
    {
        public async ValueTask<QaState> Handle(Query query, CancellationToken cancellationToken)
        {
            var caller = query.Caller;
            var found = await db.VisibleEventAsync(query.EventId, caller, cancellationToken);
            var moderates = caller.MayModerateQa(found);

            // The sequence numbers first: a change committed after them arrives live and is applied once.
            var lastSeq = await db.LastSeqAsync(StreamNames.Qa(found.Id), cancellationToken);
            var moderationSeq = moderates ? await db.LastSeqAsync(StreamNames.QaModeration(found.Id), cancellationToken) : 0;
            var pinned = await db.Events.Where(e => e.Id == found.Id).Select(e => e.PinnedQuestionId).SingleAsync(cancellationToken);

            var questions = db.Questions.AsNoTracking().Where(q => q.EventId == found.Id);
            if (!moderates)
            {
                questions = questions.Where(q => q.Status == QuestionStatus.Visible || q.AuthorId == caller.Id);
            }

            var rows = await questions.Select(q => new
            {
                Question = q,
                Name = db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).First(),
                Voted = db.QuestionVotes.Any(v => v.QuestionId == q.Id && v.MemberId == caller.Id),
            }).ToListAsync(cancellationToken);
            var views = rows.Select(r => r.Question.ToView(r.Name, pinned, caller, moderates, r.Voted));
            views = query.Order == QuestionOrder.Time
                ? views.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id)
                : views.OrderByDescending(v => v.Votes).ThenBy(v => v.CreatedAt).ThenBy(v => v.Id);

            return new QaState(
                found.Id, found.QaOpen, found.QaRequiresApproval, pinned, lastSeq, moderationSeq,
                found.QaOpen && await db.MayTakePartAsync(found, caller, cancellationToken), moderates, [.. views]);
        }
    }
}
