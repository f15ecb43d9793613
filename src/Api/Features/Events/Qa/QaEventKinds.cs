namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>What the Q&amp;A streams ("qa:{eventId}" and "qa:{eventId}:moderation") carry; docs/live-protocol.md describes each.</summary>
public static class QaEventKinds
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
    public static readonly IReadOnlySet<string> CarryQuestion = new HashSet<string> {QuestionAdded, QuestionUpdated, QuestionPending, QuestionModerated };
}
