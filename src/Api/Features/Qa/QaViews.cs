using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Qa;

/// <summary>
/// A question as one reader sees it. Anonymous askers are named only to hosts and moderators;
/// the moderation reason only to them and the asker.
/// </summary>
public sealed record QuestionView(
    Guid Id, Guid EventId, string Text, AuthorRef? Author, bool IsAnonymous, QuestionStatus Status, string? ModerationReason,
    bool IsAnswered, string? AnswerHtml, int Votes, bool IsPinned, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    Guid? MergedIntoId, bool VotedByMe, bool IsMine, string? Notice);

public sealed record QaState(
    Guid EventId, bool Open, bool RequiresApproval, Guid? PinnedQuestionId, long LastSeq, long ModerationLastSeq,
    bool CanAsk, bool CanModerate, IReadOnlyList<QuestionView> Questions);

public sealed record VoteResult(Guid QuestionId, int Votes, bool VotedByMe);

public enum QuestionOrder
{
    Votes,
    Time,
}

/// <summary>What a view is for: everyone on the stream, one member, or the hosts and moderators.</summary>
public sealed record QaAudience(Guid MemberId, bool Moderates)
{
    public static readonly QaAudience Public = new(Guid.Empty, false);
    public static readonly QaAudience Moderators = new(Guid.Empty, true);
}

public static class EventKindsQa
{
    public const string QuestionAdded = "question.added";
    public const string QuestionUpdated = "question.updated";
    public const string QuestionRemoved = "question.removed";
    public const string QuestionPending = "question.pending";
    public const string QuestionModerated = "question.moderated";
    public const string QuestionPinned = "question.pinned";
    public const string VotesUpdated = "votes.updated";
    public const string QaOpened = "qa.opened";
    public const string QaClosed = "qa.closed";

    /// <summary>Kinds whose data is a whole question: catch-up replaces them with the question as it is now.</summary>
    public static readonly HashSet<string> CarryQuestion = [QuestionAdded, QuestionUpdated, QuestionPending, QuestionModerated];
}

internal static class QaReads
{
    public static QuestionView ToView(this Question q, string authorName, Guid? pinned, QaAudience audience, bool votedByMe = false)
    {
        var isMine = audience.MemberId != Guid.Empty && q.AuthorId == audience.MemberId;
        var named = !q.IsAnonymous || audience.Moderates || isMine;
        return new QuestionView(
            q.Id, q.EventId, q.Text, named ? new AuthorRef(q.AuthorId, authorName) : null, q.IsAnonymous, q.Status,
            audience.Moderates || isMine ? q.ModerationReason : null, q.IsAnswered, q.AnswerHtml, q.VoteCount, pinned == q.Id,
            q.CreatedAt, q.EditedAt, q.MergedIntoId, votedByMe, isMine, isMine ? q.Notice : null);
    }

    public static async Task<QuestionView> ViewAsync(this AppDbContext db, Question q, QaAudience audience, CancellationToken cancellationToken)
    {
        var name = await db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
        var pinned = await db.Events.Where(e => e.Id == q.EventId).Select(e => e.PinnedQuestionId).SingleAsync(cancellationToken);
        var voted = audience.MemberId != Guid.Empty
            && await db.QuestionVotes.AnyAsync(v => v.QuestionId == q.Id && v.MemberId == audience.MemberId, cancellationToken);
        return q.ToView(name, pinned, audience, voted);
    }

    /// <summary>Attendees ask and vote: a seat (not the waitlist), or hosting or moderating it.</summary>
    public static async Task<bool> MayTakePartAsync(this AppDbContext db, CommunityEvent e, Viewer viewer, CancellationToken cancellationToken) =>
        viewer.Moderates(e) || await db.Registrations.AnyAsync(
            r => r.EventId == e.Id && r.MemberId == viewer.MemberId && r.Status == RegistrationStatus.Registered, cancellationToken);

    public static async Task<Question> QuestionAsync(this AppDbContext db, Guid eventId, Guid questionId, CancellationToken cancellationToken) =>
        await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, cancellationToken)
            ?? throw new NotFoundException("There is no such question.");

    public static QaAudience Audience(this Viewer viewer, CommunityEvent e) => new(viewer.MemberId, viewer.Moderates(e));
}
