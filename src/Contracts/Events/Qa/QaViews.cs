using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Contracts.Events.Qa;

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

/// <summary>One question's total in a "votes.updated" event.</summary>
public sealed record VoteTotal(Guid Id, int Votes);

public sealed record AskQuestionRequest(string Text, bool? Anonymous);

public sealed record OpenQaRequest(bool? RequireApproval);

/// <summary>Why a question is hidden; its asker sees it.</summary>
public sealed record HideQuestionRequest(string? Reason);

/// <summary>The corrected text of a question.</summary>
public sealed record EditQuestionRequest(string? Text);

/// <summary>A written answer, in Markdown.</summary>
public sealed record AnswerQuestionRequest(string? Answer);

/// <summary>The question a duplicate merges into.</summary>
public sealed record MergeQuestionRequest(Guid? IntoQuestionId);
