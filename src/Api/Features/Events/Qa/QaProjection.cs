using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

internal static class QaProjection
{
    /// <summary>
    /// A question as <paramref name="reader"/> sees it. <see cref="Caller.Anonymous"/> is everyone on
    /// the public stream; <paramref name="moderates"/> is the view of the event's hosts and moderators.
    /// </summary>
    public static QuestionView ToView(this Question q, string authorName, Guid? pinned, Caller reader, bool moderates, bool votedByMe = false)
    {
        var isMine = reader.Is(q.AuthorId);
        var named = !q.IsAnonymous || moderates || isMine;
        return new QuestionView(
            q.Id, q.EventId, q.Text, named ? new AuthorRef(q.AuthorId, authorName) : null, q.IsAnonymous, q.Status,
            moderates || isMine ? q.ModerationReason : null, q.IsAnswered, q.AnswerHtml, q.VoteCount, pinned == q.Id,
            q.CreatedAt, q.EditedAt, q.MergedIntoId, votedByMe, isMine, isMine ? q.Notice : null);
    }

    public static async Task<QuestionView> ViewAsync(this AppDbContext db, Question q, Caller reader, bool moderates, CancellationToken cancellationToken)
    {
        var name = await db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
        var pinned = await db.Events.Where(e => e.Id == q.EventId).Select(e => e.PinnedQuestionId).SingleAsync(cancellationToken);
        var voted = reader.MemberId is { } memberId
            && await db.QuestionVotes.AnyAsync(v => v.QuestionId == q.Id && v.MemberId == memberId, cancellationToken);
        return q.ToView(name, pinned, reader, moderates, voted);
    }

    /// <summary>Attendees ask and vote: a seat (not the waitlist), or hosting or moderating it.</summary>
    public static async Task<bool> MayTakePartAsync(this AppDbContext db, CommunityEvent e, Caller caller, CancellationToken cancellationToken) =>
        caller.MayModerateQa(e) || await db.Registrations.AnyAsync(
            r => r.EventId == e.Id && r.MemberId == caller.Id && r.Status == RegistrationStatus.Registered, cancellationToken);

    public static async Task<Question> QuestionAsync(this AppDbContext db, Guid eventId, Guid questionId, CancellationToken cancellationToken) =>
        await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, cancellationToken)
            ?? throw new NotFoundException("There is no such question.");
}
